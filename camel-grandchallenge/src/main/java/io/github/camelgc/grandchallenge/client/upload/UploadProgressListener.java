package io.github.camelgc.grandchallenge.client.upload;

/**
 * Told how far an upload has come, so a service can show progress for large files. Called once when the upload
 * starts (0 bytes) and after every part the storage accepted, possibly from several upload threads at once: an
 * implementation must be thread-safe and quick (it runs on the upload threads).
 */
@FunctionalInterface
public interface UploadProgressListener {

    /**
     * @param fileName      the name the file is uploaded under (the local file name)
     * @param uploadedBytes bytes accepted by the storage so far
     * @param totalBytes    the file's size
     */
    void onProgress(String fileName, long uploadedBytes, long totalBytes);
}
