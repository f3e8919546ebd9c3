package io.github.camelgc.emulator.server;

/**
 * A failure S3 reports (wrong ETag, part too small, upload gone) that the platform does not catch, so
 * the client sees a 500 page, as it would in production.
 */
public final class StorageFailure extends ServerError {

    public StorageFailure(String message) {
        super(message);
    }
}
