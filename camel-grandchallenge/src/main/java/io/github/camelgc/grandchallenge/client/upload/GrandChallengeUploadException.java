package io.github.camelgc.grandchallenge.client.upload;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.RetryRules;

/** Uploading a file failed; the multipart upload was aborted. The message names the file and the failing step. */
public class GrandChallengeUploadException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeUploadException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * As retryable as its cause: an aborted upload leaves nothing behind on the platform, so uploading again is safe
     * whenever the failure was transient.
     */
    @Override
    public boolean isRetryable() {
        Throwable cause = getCause();
        return cause instanceof GrandChallengeException failure ? failure.isRetryable() : RetryRules.isTransient(cause);
    }
}
