package io.github.camelgc.emulator.backend;

import io.github.camelgc.emulator.images.ImageStore;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Load-test seeding (in-process only): images and jobs put straight into the state, without HTTP, validation or
 * the runner. Seeded jobs are history: they cost no credits.
 */
public final class Seeding {

    private final EmulatorState state;
    private final ImageStore images;
    private final Clock clock;

    public Seeding(EmulatorState state, ImageStore images, Clock clock) {
        this.state = state;
        this.images = images;
        this.clock = clock;
    }

    /** Registers a single-file {@code .mha} as an image (moved into storage, header read); returns its pk. */
    public String image(Path mha, String name) throws IOException {
        Image image = images.addMha(mha, name, 0, null, null);
        return image.pk();
    }

    /**
     * Adds {@code count} jobs created one microsecond apart after every existing job, each with the same image
     * {@code inputs} and (when {@code Succeeded}) {@code outputs} (socket slug → image pk).
     *
     * @return the pks in creation order
     */
    public synchronized List<String> jobs(String username, String algorithmSlug, JobStatus status, int count,
            Map<String, String> inputs, Map<String, String> outputs) {
        User user = state.user(username).orElseThrow(() -> new IllegalArgumentException(
                "No user '" + username + "' in the emulator's fixture"));
        Algorithm algorithm = state.algorithmBySlug(algorithmSlug).orElseThrow(() -> new IllegalArgumentException(
                "No algorithm '" + algorithmSlug + "' in the emulator's fixture"));
        List<String> pks = new ArrayList<>(count);
        Instant created = state.jobs().stream().map(Job::created).max(Comparator.naturalOrder())
                .orElse(clock.instant()).plusMillis(1);
        for (int i = 0; i < count; i++) {
            Job job = new Job(EmulatorState.newUuid(), algorithm, algorithm.imagePk(), user.id(),
                    created.plusNanos(1000L * i));
            inputs.forEach((slug, imagePk) -> job.addInput(state.imageValueFor(socket(slug), imagePk)));
            if (status == JobStatus.SUCCEEDED) {
                outputs.forEach((slug, imagePk) -> job.addOutput(
                        state.newSocketValue(socket(slug), null, imagePk, null, null)));
            }
            job.status(status);
            state.addJob(job);
            pks.add(job.pk());
        }
        return pks;
    }

    /** Ends a seeded, unfinished job {@code Succeeded} now, with {@code outputs} (socket slug → image pk). */
    public void finish(String jobPk, Map<String, String> outputs) {
        Job job = job(jobPk);
        synchronized (job) {
            if (job.status().isTerminal()) {
                throw new IllegalStateException("Job " + jobPk + " already ended " + job.status().display());
            }
            outputs.forEach((slug, imagePk) -> job.addOutput(
                    state.newSocketValue(socket(slug), null, imagePk, null, null)));
            job.status(JobStatus.SUCCEEDED);
        }
    }

    private Socket socket(String slug) {
        return state.socket(slug).orElseThrow(() -> new IllegalArgumentException("No socket '" + slug
                + "' in the emulator's fixture"));
    }

    private Job job(String pk) {
        return state.job(pk).orElseThrow(() -> new IllegalArgumentException("No job " + pk + " in the emulator"));
    }
}
