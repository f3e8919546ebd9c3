package io.github.camelgc.grandchallenge.client;

/**
 * A request failed without a response (connection refused, reset, timeout) after all allowed retries. For a
 * non-idempotent request the server may or may not have acted.
 */
public class GrandChallengeIoException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeIoException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
