package io.github.camelgc.grandchallenge.client;

/**
 * A request failed without a usable response (connection refused, reset, timeout, unknown host, TLS) after all
 * allowed retries. For a non-idempotent request the server may or may not have acted, unless
 * {@link #isConnectFailure()}.
 */
public class GrandChallengeIoException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeIoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Transient per {@link RetryRules}: not for an unknown host, TLS failures or an unreadable answer. */
    @Override
    public boolean isRetryable() {
        return RetryRules.isTransient(getCause());
    }

    /** Whether no connection could be established, so the request never reached the server (safe to repeat). */
    public boolean isConnectFailure() {
        return RetryRules.classify(getCause()) == RetryRules.IoFailure.CONNECT;
    }
}
