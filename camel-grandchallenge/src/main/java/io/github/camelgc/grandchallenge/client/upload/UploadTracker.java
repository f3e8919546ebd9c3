package io.github.camelgc.grandchallenge.client.upload;

import io.github.camelgc.grandchallenge.model.UserUpload;

/**
 * Told when an upload was created on the platform, before any part is sent, so a caller can record it and abort it
 * after a crash (the uploader aborts it itself on every failure it lives to see). Called in the uploading thread.
 */
@FunctionalInterface
public interface UploadTracker {

    /** The upload exists on the platform and is about to receive its parts. */
    void started(UserUpload upload);
}
