package io.github.camelgc.emulator.jobs;

import io.github.camelgc.emulator.images.ImageStore;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.values.CivTarget;
import io.github.camelgc.emulator.values.LinkedImports;
import io.github.camelgc.emulator.values.ParsedInput;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks jobs through {@code Validating inputs → Queued → Provisioned → Executing → Executed → Succeeded}
 * on a bounded pool. Each step is a scheduled task, so a waiting (held, slow or never-finishing) job
 * occupies no thread.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long HOLD_POLL_MILLIS = 50;

    private final ScheduledExecutorService pool;
    private final Duration stepDelay;
    private final BuiltInAlgorithms algorithms;
    private final LinkedImports imports;
    private final EmulatorState state;
    private final ImageStore images;
    private final BlobStore blobs;

    public JobRunner(int workers, Duration stepDelay, BuiltInAlgorithms algorithms, LinkedImports imports,
            EmulatorState state, ImageStore images, BlobStore blobs) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "gc-emulator-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newScheduledThreadPool(workers, threads);
        this.stepDelay = stepDelay;
        this.algorithms = algorithms;
        this.imports = imports;
        this.state = state;
        this.images = images;
        this.blobs = blobs;
    }

    /** Starts a freshly created job whose upload-based inputs still need importing. */
    public void submit(Job job, List<ParsedInput> pending) {
        schedule(() -> validate(job, pending), stepDelay);
    }

    /** Makes a job fail now (admin control), unless it already ended. */
    public void fail(Job job) {
        job.requestFailure();
        synchronized (job) {
            if (!job.status().isTerminal()) {
                job.status(JobStatus.FAILED);
            }
        }
    }

    /**
     * Imports the upload-based inputs (every one, as the platform's separate tasks would, so each session ends
     * {@code Succeeded} or {@code Failed}); the job is {@code Cancelled} as soon as one fails, else {@code Queued}.
     */
    private void validate(Job job, List<ParsedInput> pending) {
        CivTarget target = new CivTarget() {
            @Override
            public boolean put(SocketValue value) {
                return job.putInput(value);
            }

            @Override
            public void rejected(Socket socket, String message) {
                // The platform records "One or more of the inputs failed validation." internally only.
                LOG.info("Job {} cancelled: input {} failed validation: {}", job.pk(), socket.slug(), message);
                finish(job, JobStatus.CANCELLED);
            }
        };
        for (ParsedInput input : pending) {
            try {
                imports.apply(input, target);
            } catch (RuntimeException e) {
                LOG.warn("Job {} cancelled: importing {} failed", job.pk(), input.socket().slug(), e);
                finish(job, JobStatus.CANCELLED);
            }
        }
        if (job.status() == JobStatus.VALIDATING_INPUTS) {
            advance(job, JobStatus.QUEUED);
        }
    }

    private void advance(Job job, JobStatus next) {
        if (job.status().isTerminal()) {
            return;
        }
        if (job.holdAt() != null && job.holdAt() == job.status()) {
            schedule(() -> advance(job, next), Duration.ofMillis(HOLD_POLL_MILLIS));
            return;
        }
        if (!transition(job, next)) {
            return;
        }
        switch (next) {
            case QUEUED -> schedule(() -> advance(job, JobStatus.PROVISIONED), stepDelay);
            case PROVISIONED -> schedule(() -> advance(job, JobStatus.EXECUTING), stepDelay);
            case EXECUTING -> execute(job);
            case EXECUTED -> schedule(() -> advance(job, JobStatus.SUCCEEDED), stepDelay);
            default -> {
            }
        }
    }

    private void execute(Job job) {
        BuiltInAlgorithm algorithm = algorithms.get(job.algorithm().builtIn());
        Instant started = Instant.now();
        Duration runtime = algorithm.executionTime(stepDelay);
        if (runtime == null) {
            return;
        }
        schedule(() -> {
            AlgorithmRun run = new AlgorithmRun(job, state, images, blobs);
            try {
                algorithm.run(run);
            } catch (Exception e) {
                LOG.info("Job {} failed: {}", job.pk(), e.toString());
                finish(job, JobStatus.FAILED);
                return;
            }
            job.execDuration(Duration.between(started, Instant.now()));
            if (job.holdAt() == JobStatus.EXECUTING) {
                schedule(() -> complete(job, run), Duration.ofMillis(HOLD_POLL_MILLIS));
            } else {
                complete(job, run);
            }
        }, runtime);
    }

    private void complete(Job job, AlgorithmRun run) {
        if (job.holdAt() == JobStatus.EXECUTING && job.status() == JobStatus.EXECUTING) {
            schedule(() -> complete(job, run), Duration.ofMillis(HOLD_POLL_MILLIS));
            return;
        }
        if (!transition(job, JobStatus.EXECUTED)) {
            return;
        }
        schedule(() -> succeed(job, run.outputs()), stepDelay);
    }

    private void succeed(Job job, List<SocketValue> outputs) {
        if (job.holdAt() == JobStatus.EXECUTED && job.status() == JobStatus.EXECUTED) {
            schedule(() -> succeed(job, outputs), Duration.ofMillis(HOLD_POLL_MILLIS));
            return;
        }
        synchronized (job) {
            if (job.status().isTerminal()) {
                return;
            }
            // Outputs appear only together with Succeeded, as on the platform.
            outputs.forEach(job::addOutput);
            job.status(JobStatus.SUCCEEDED);
        }
    }

    private static boolean transition(Job job, JobStatus next) {
        synchronized (job) {
            if (job.status().isTerminal()) {
                return false;
            }
            job.status(next);
            return true;
        }
    }

    private static void finish(Job job, JobStatus end) {
        transition(job, end);
    }

    private void schedule(Runnable task, Duration delay) {
        if (!pool.isShutdown()) {
            pool.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
