package io.github.camelgc.app.state;

import io.github.camelgc.grandchallenge.Retryable;

/**
 * Reading or writing the service's state in its database failed (the database unreachable, a connection lost):
 * retryable, like a problem with the service's own disk; nothing about the input is wrong.
 */
public class StateStoreException extends RuntimeException implements Retryable {

    private static final long serialVersionUID = 1L;

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
