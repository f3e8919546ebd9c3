package io.github.camelgc.benchmarks;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a folder holds a number of result files, woken by the file system when a file appears there (results
 * are renamed into place), so the timed end of a run is the moment the last result arrived rather than the end of a
 * sleep; a wake-up at least every 50 ms runs the caller's checks (a node that ended, scans that failed).
 */
final class ResultWatch implements AutoCloseable {

    /** What the caller checks on each wake-up; it throws to end the wait. */
    interface Check {
        void run() throws Exception;
    }

    private static final long CHECK_MILLIS = 50;

    private final Path folder;
    private final WatchService watch;

    ResultWatch(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.watch = FileSystems.getDefault().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /** Returns once {@code expected} files ending in {@code suffix} are in the folder. */
    void await(String suffix, long expected, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (BatchBench.count(folder, suffix) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + BatchBench.count(folder, suffix) + " of " + expected
                        + " results after " + timeout.toMinutes() + " minutes");
            }
            check.run();
            WatchKey key = watch.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
