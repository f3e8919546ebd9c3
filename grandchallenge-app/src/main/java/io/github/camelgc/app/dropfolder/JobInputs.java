package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.github.camelgc.grandchallenge.state.ListableStateRepository;

/**
 * Which dropped input each submitted job came from (job id → the input's place, relative to the work folder), so
 * results are named after their case and a job that fails later sends its input to {@code .failed/}, also after a
 * restart. Kept in a {@link ListableStateRepository}: {@link #openJobs()} lists the jobs whose outcome is still to be
 * dealt with (the service looks at each now and then: a job the platform no longer knows is resolved at once). An
 * entry is dropped once the job's outcome was dealt with, so the store holds only jobs still running.
 * <p>
 * An input is recorded where it is when its job was accepted, then where it moved to ({@code .done/}). When the move
 * cannot be made (our own disk), the input waits in the inbox and the job's outcome may be dealt with first: the
 * entry then says so ("handled") until the input reaches {@code .done/}, so the job is not taken for open again.
 */
public class JobInputs {

    private static final String PREFIX = "job-input|";
    private static final String HANDLED = "handled|";

    private final ListableStateRepository store;
    private final Path root;

    /**
     * @param store where the entries live
     * @param root  the folder input paths are stored relative to (the work folder)
     */
    public JobInputs(ListableStateRepository store, Path root) {
        this.store = store;
        this.root = root.toAbsolutePath().normalize();
    }

    /** Records that the job was submitted for this input, where it is now (unless its outcome was dealt with). */
    public void record(String jobId, Path input) {
        if (!handled(jobId)) {
            store.setState(key(jobId), relative(input));
        }
    }

    /** The input reached its place under {@code .done/}: recorded there, or dropped if its outcome was dealt with. */
    public void moved(String jobId, Path input) {
        store.setState(key(jobId), handled(jobId) ? "" : relative(input));
    }

    /** The input the job was submitted for, if this service submitted it and its outcome is not dealt with yet. */
    public Optional<Path> input(String jobId) {
        String relative = jobId == null ? null : store.getState(key(jobId));
        return relative == null || relative.isEmpty() || relative.startsWith(HANDLED) ? Optional.empty()
                : Optional.of(root.resolve(relative).normalize());
    }

    /**
     * The job's outcome was dealt with (results stored): the entry is no longer needed, unless its input still waits
     * in the inbox for its move to {@code .done/} (then it says "handled" until {@link #moved}).
     */
    public void finished(String jobId) {
        Optional<Path> input = input(jobId);
        if (input.isPresent()) {
            boolean waitsInInbox = !DropFolder.DONE.equals(String.valueOf(input.get().getParent().getFileName()))
                    && Files.exists(input.get());
            store.setState(key(jobId), waitsInInbox ? HANDLED + relative(input.get()) : "");
        }
    }

    /** The job's input got its fate elsewhere ({@code .failed/}): nothing about the job is pending any more. */
    public void forget(String jobId) {
        if (jobId != null) {
            store.setState(key(jobId), "");
        }
    }

    /**
     * The jobs whose outcome is still to be dealt with. Entries of handled jobs whose input is no longer in the inbox
     * (taken out by hand) are dropped on the way.
     */
    public List<String> openJobs() {
        List<String> open = new ArrayList<>();
        for (String key : store.keys(PREFIX)) {
            String jobId = key.substring(PREFIX.length());
            String value = store.getState(key);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (!value.startsWith(HANDLED)) {
                open.add(jobId);
            } else if (!Files.exists(root.resolve(value.substring(HANDLED.length())))) {
                store.setState(key, "");
            }
        }
        return open;
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

    private boolean handled(String jobId) {
        String value = store.getState(key(jobId));
        return value != null && value.startsWith(HANDLED);
    }

    private String relative(Path input) {
        return root.relativize(input.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String key(String jobId) {
        return PREFIX + jobId;
    }
}
