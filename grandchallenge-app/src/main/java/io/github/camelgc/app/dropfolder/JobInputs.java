package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.camel.spi.StateRepository;

/**
 * Which dropped input each submitted job came from (job id → the input's place under {@code .done/}, relative to the
 * work folder), so results are named after their case and a job that fails later sends its input to
 * {@code .failed/}, also after a restart. Kept in a {@link StateRepository}; an entry is dropped once the job's
 * outcome was dealt with, so the store holds only jobs still running.
 */
public class JobInputs {

    private final StateRepository<String, String> store;
    private final Path root;

    /**
     * @param store where the entries live
     * @param root  the folder input paths are stored relative to (the work folder)
     */
    public JobInputs(StateRepository<String, String> store, Path root) {
        this.store = store;
        this.root = root.toAbsolutePath().normalize();
    }

    /** Records that the job was submitted for this input (its path after it moved to {@code .done/}). */
    public void record(String jobId, Path input) {
        store.setState(key(jobId), root.relativize(input.toAbsolutePath().normalize()).toString().replace('\\', '/'));
    }

    /** The input the job was submitted for, if this service submitted it and its outcome is not dealt with yet. */
    public Optional<Path> input(String jobId) {
        String relative = jobId == null ? null : store.getState(key(jobId));
        return relative == null || relative.isEmpty() ? Optional.empty() : Optional.of(root.resolve(relative).normalize());
    }

    /** The job's outcome was dealt with (results stored, or its input failed): the entry is no longer needed. */
    public void finished(String jobId) {
        if (jobId != null && input(jobId).isPresent()) {
            store.setState(key(jobId), "");
        }
    }

    /**
     * Takes over the entries of the file an earlier version kept ({@code jobs.properties}: job id = input), once, and
     * renames that file so it is not read again.
     */
    public void importLegacy(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties legacy = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            legacy.load(in);
            for (String jobId : legacy.stringPropertyNames()) {
                if (!jobId.contains(":") && input(jobId).isEmpty()) {
                    store.setState(key(jobId), legacy.getProperty(jobId));
                }
            }
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot import the job ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(String jobId) {
        return "job-input|" + jobId;
    }
}
