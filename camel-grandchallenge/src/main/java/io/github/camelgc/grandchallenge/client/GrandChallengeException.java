package io.github.camelgc.grandchallenge.client;

/** Base class of every exception this component raises about the platform, its data or the caller's input. */
public class GrandChallengeException extends RuntimeException implements io.github.camelgc.grandchallenge.Retryable {

    private static final long serialVersionUID = 1L;

    public GrandChallengeException(String message) {
        super(message);
    }

    public GrandChallengeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
