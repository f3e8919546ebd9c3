package io.github.camelgc.grandchallenge.client.upload;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;

/** Uploading a file failed; the multipart upload was aborted. The message names the file and the failing step. */
public class GrandChallengeUploadException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeUploadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An aborted upload leaves nothing behind on the platform: uploading again is safe when the cause may pass. */
    @Override
    public boolean isRetryable() {
        return getCause() instanceof io.github.camelgc.grandchallenge.Retryable retryable && retryable.isRetryable();
    }
}
