package io.github.camelgc.app.dropfolder;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the upload progress of large files in steps of ten percent; small files, which upload in a moment, print
 * nothing. Parts finish on several threads at once, so each file remembers the last step it printed.
 */
public class UploadProgress implements UploadProgressListener {

    /** Files below this size upload in seconds and get no progress lines. */
    public static final long LARGE_FILE_BYTES = 64L * 1024 * 1024;
    private static final int STEP_PERCENT = 10;
    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

    private final Map<String, Integer> lastStep = new ConcurrentHashMap<>();

    @Override
    public void onProgress(String fileName, long uploadedBytes, long totalBytes) {
        line(fileName, uploadedBytes, totalBytes).ifPresent(CONSOLE::info);
    }

    /** The line to print for this report, if it starts, finishes or reaches a new step of a large file. */
    Optional<String> line(String fileName, long uploadedBytes, long totalBytes) {
        if (totalBytes < LARGE_FILE_BYTES) {
            return Optional.empty();
        }
        String key = fileName + "/" + totalBytes;
        int step = (int) (uploadedBytes * 100 / totalBytes / STEP_PERCENT);
        boolean print;
        if (uploadedBytes == 0) {
            lastStep.put(key, 0);
            print = true;
        } else if (uploadedBytes >= totalBytes) {
            lastStep.remove(key);
            print = true;
        } else {
            boolean[] advanced = {false};
            lastStep.compute(key, (k, previous) -> {
                advanced[0] = previous == null || step > previous;
                return advanced[0] ? step : previous;
            });
            print = advanced[0];
        }
        return print ? Optional.of(String.format(Locale.ROOT, "%s: uploading %d%% of %s", fileName,
                uploadedBytes * 100 / totalBytes, mebibytes(totalBytes))) : Optional.empty();
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
