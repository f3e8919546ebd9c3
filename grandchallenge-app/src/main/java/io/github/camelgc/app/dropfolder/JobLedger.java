package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers which dropped input each submitted job came from (job id → the input's place under {@code .done/}), in
 * a small file in the work folder, so results can be named after their case and a job that fails later can send its
 * input to {@code .failed/} — also after a restart.
 */
public class JobLedger {

    private static final String PENDING = "submitting:";
    private static final String OPEN = "open:";
    private static final String ABANDONED = "abandoned:";

    private final Path file;
    private final Path root;
    private final Properties entries = new Properties();

    /**
     * @param file the ledger file (created on first use)
     * @param root the folder input paths are stored relative to (the work folder)
     */
    public JobLedger(Path file, Path root) {
        this.file = file;
        this.root = root;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                entries.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the job ledger " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Records that the job was submitted for this input (its path after it moved to {@code .done/}). */
    public synchronized void record(String jobId, Path input) {
        entries.setProperty(jobId, root.relativize(input.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        entries.setProperty(OPEN + jobId, Long.toString(System.currentTimeMillis()));
        save();
    }

    /** The job reached a final status and was dealt with: it no longer counts against the job timeout. */
    public synchronized void finished(String jobId) {
        if (jobId != null && entries.remove(OPEN + jobId) != null) {
            save();
        }
    }

    /** The job was given up on (timed out): its late results must be ignored. */
    public synchronized void abandoned(String jobId) {
        entries.remove(OPEN + jobId);
        entries.setProperty(ABANDONED + jobId, Long.toString(System.currentTimeMillis()));
        save();
    }

    public synchronized boolean isAbandoned(String jobId) {
        return jobId != null && entries.containsKey(ABANDONED + jobId);
    }

    /** Jobs submitted before {@code cutoff} that have not been dealt with yet. */
    public synchronized java.util.List<String> openSince(Instant cutoff) {
        java.util.List<String> old = new java.util.ArrayList<>();
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith(OPEN) && Long.parseLong(entries.getProperty(key)) < cutoff.toEpochMilli()) {
                old.add(key.substring(OPEN.length()));
            }
        }
        return old;
    }

    /**
     * Records, before a job is posted for an input, how many jobs the algorithm had then: if the service dies before
     * it learns the job's id, the next attempt looks for the job among those created since instead of posting a
     * second one.
     */
    public synchronized void submitting(Path input, long jobsBefore) {
        entries.setProperty(PENDING + key(input), Long.toString(jobsBefore));
        save();
    }

    /** The job count recorded by an earlier, unfinished submission of this input, if there was one. */
    public synchronized Optional<Long> pendingSubmission(Path input) {
        String value = entries.getProperty(PENDING + key(input));
        return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    }

    /** The input's submission ended (accepted or failed for good): nothing to recover any more. */
    public synchronized void submissionEnded(Path input) {
        if (entries.remove(PENDING + key(input)) != null) {
            save();
        }
    }

    private String key(Path input) {
        return root.relativize(input.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The input the job was submitted for, if this service submitted it. */
    public synchronized Optional<Path> input(String jobId) {
        String relative = jobId == null || jobId.contains(":") ? null : entries.getProperty(jobId);
        return relative == null ? Optional.empty() : Optional.of(root.resolve(relative).normalize());
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".ledger-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                entries.store(out, "job id = input it was submitted for (relative to the work folder)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job ledger " + file + ": " + e.getMessage(), e);
        }
    }
}
