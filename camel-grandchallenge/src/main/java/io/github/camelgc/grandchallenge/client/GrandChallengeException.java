package io.github.camelgc.grandchallenge.client;

/**
 * Base class of every exception this component raises about the platform, its data or the caller's input.
 * {@link #isRetryable()} says whether the same operation may succeed later without changes (see {@link RetryRules});
 * routes decide with {@code onWhen(simple("${exception.retryable}"))}.
 */
public class GrandChallengeException extends RuntimeException implements io.github.camelgc.grandchallenge.Retryable {

    private static final long serialVersionUID = 1L;

    public GrandChallengeException(String message) {
        super(message);
    }

    public GrandChallengeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying the same operation again later may succeed (a transient condition on the platform or the
     * network). False unless a subclass knows better: bad input, missing objects, rejected tokens and failed jobs do
     * not go away by waiting. Whether repeating is also <em>safe</em> (a POST that may have been processed) is the
     * caller's concern.
     */
    public boolean isRetryable() {
        return false;
    }
}
