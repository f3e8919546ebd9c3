package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.Retryable;

/**
 * The service could not move or write one of its own files (disk full, permissions, a share gone): retryable, since
 * nothing about the input is wrong; the input keeps its place and is tried again.
 */
public class DiskProblem extends RuntimeException implements Retryable {

    private static final long serialVersionUID = 1L;

    public DiskProblem(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
