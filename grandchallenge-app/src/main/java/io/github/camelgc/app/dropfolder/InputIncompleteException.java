package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.Retryable;

/**
 * A dropped file that looks like a copy still in progress (empty, or shorter than its header says, and changed
 * recently): a transient failure, the file stays in the inbox and is checked again.
 */
public class InputIncompleteException extends RuntimeException implements Retryable {

    private static final long serialVersionUID = 1L;

    public InputIncompleteException(String message) {
        super(message);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
