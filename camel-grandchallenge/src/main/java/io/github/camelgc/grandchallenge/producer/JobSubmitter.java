package io.github.camelgc.grandchallenge.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.SubmittedJobs;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.client.upload.UploadTracker;
import io.github.camelgc.grandchallenge.inputs.ExpectedInput;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.outputs.InputNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a submission is made safe: the only code that posts jobs.
 * <ul>
 * <li><b>Once per submission key.</b> Before posting, a mark with the algorithm's job count is written to the
 * submission repository; once the platform answers, the mark names the job. A later attempt with the same key (after
 * a crash, or a route retry) adopts that job instead of posting again: by id, or by looking among the jobs created
 * since the count for the one with these inputs ({@link PriorJobs}).</li>
 * <li><b>Ambiguous failures</b> (no answer, or a 500/502/504 after the platform may have acted) are never blindly
 * re-posted: the same search runs first.</li>
 * <li><b>Back-pressure.</b> "Too many active jobs" means wait and post again (the uploads are not repeated), on the
 * component's scheduler rather than a sleeping route thread, until {@code activeJobsMaxWait}.</li>
 * <li><b>Out of credits</b> is neither: a {@link GrandChallengeOutOfCreditsException}, and until a check finds
 * credits again ({@link CreditsGate}) further submissions to the algorithm fail before uploading.</li>
 * </ul>
 * A scan costs one job-count request, besides its uploads and the post.
 */
final class JobSubmitter {

    static final String TOO_MANY_ACTIVE_JOBS = "too many active jobs";
    static final String DUPLICATE = "A result for these inputs";
    static final String OUT_OF_CREDITS = "You have run out of algorithm credits";
    private static final Logger LOG = LoggerFactory.getLogger(JobSubmitter.class);

    private final GrandChallengeClient client;
    private final GrandChallengeConfiguration configuration;
    private final SubmissionMarks marks;
    private final InputNames inputNames;
    private final SubmittedJobs submitted;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.Executor workers;
    private final CreditsGate credits;

    /** The outcome: the job and whether it existed before this attempt (the platform's duplicate check, or adopted). */
    record Submitted(Job job, boolean existing) {
    }

    /** One submission on its way to the platform. */
    private static final class Attempt {
        private final Algorithm algorithm;
        private final Optional<String> key;
        private final List<ExpectedInput> expected;
        private final ArrayNode payload;
        private final long since;
        private final long started = System.nanoTime();
        private final CompletableFuture<Submitted> result = new CompletableFuture<>();
        private boolean searched;

        private Attempt(Algorithm algorithm, Optional<String> key, List<ExpectedInput> expected, ArrayNode payload,
                long since) {
            this.algorithm = algorithm;
            this.key = key;
            this.expected = expected;
            this.payload = payload;
            this.since = since;
        }
    }

    /**
     * @param scheduler times the waits; {@code workers} then post (and continue the exchange's route), so the
     *                  scheduler's single thread never blocks on the network
     */
    JobSubmitter(GrandChallengeClient client, GrandChallengeConfiguration configuration, SubmissionMarks marks,
            InputNames inputNames, SubmittedJobs submitted, ScheduledExecutorService scheduler,
            java.util.concurrent.Executor workers, CreditsGate credits) {
        this.client = client;
        this.configuration = configuration;
        this.marks = marks;
        this.inputNames = inputNames;
        this.submitted = submitted;
        this.scheduler = scheduler;
        this.workers = workers;
        this.credits = credits;
    }

    /**
     * Submits a job, or adopts the one an earlier attempt with the same key created. {@code upload} runs (in the
     * caller's thread) only when a job is really posted; it must tell the tracker it is given about every upload.
     *
     * @throws GrandChallengeOutOfCreditsException before uploading, when the algorithm is known to be out of credits
     */
    CompletableFuture<Submitted> submit(Algorithm algorithm, Optional<String> key, List<ExpectedInput> expected,
            Function<UploadTracker, ArrayNode> upload) {
        Optional<Submitted> adopted = key.flatMap(k -> adoptEarlier(k, algorithm, expected));
        if (adopted.isPresent()) {
            return CompletableFuture.completedFuture(adopted.get());
        }
        // adopting costs no credits; uploading for an algorithm known to be out of them would be wasted
        credits.beforeUpload(algorithm);
        // counted before uploading: a stale algorithm id fails here, not after a long upload (and the search window
        // after a crash then merely includes the jobs created during the upload)
        long since = client.jobsPage(algorithm.pk(), 0, 1).count();
        List<String> names = uploadNames(expected);
        List<SubmissionMarks.StartedUpload> started = new ArrayList<>();
        key.ifPresent(k -> marks.uploading(k, since, names, started));
        ArrayNode payload = upload.apply(created -> {
            started.add(new SubmissionMarks.StartedUpload(created.pk(), created.s3UploadId()));
            key.ifPresent(k -> marks.uploading(k, since, names, started));
        });
        key.ifPresent(k -> marks.posting(k, since, names));
        Attempt attempt = new Attempt(algorithm, key, expected, payload, since);
        post(attempt);
        return attempt.result;
    }

    /** The job an earlier attempt with this key created, if the mark it left leads to one. */
    private Optional<Submitted> adoptEarlier(String key, Algorithm algorithm, List<ExpectedInput> expected) {
        Optional<SubmissionMarks.Mark> mark = marks.find(key);
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        if (mark.get().uploading()) {
            // an earlier attempt died while uploading: no job can exist, but its open uploads would stay for ever
            mark.get().uploads().forEach(u -> client.abortUpload(u.pk(), u.s3UploadId()));
            marks.clear(key);
            return Optional.empty();
        }
        Optional<Job> earlier;
        if (mark.get().created()) {
            earlier = existingJob(mark.get().job());
        } else {
            earlier = new PriorJobs(client).find(algorithm, mark.get().since(), expected);
        }
        earlier.ifPresent(job -> {
            submitted.add(job.pk());
            LOG.info("An earlier attempt of this submission to '{}' already created job {} ({}); adopting it instead of "
                     + "posting again", algorithm.slug(), job.pk(), job.status());
            marks.created(key, job.pk());
        });
        if (earlier.isEmpty()) {
            marks.clear(key);
        }
        return earlier.map(job -> new Submitted(job, true));
    }

    private Optional<Job> existingJob(String pk) {
        try {
            return Optional.of(client.job(pk));
        } catch (GrandChallengeApiException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void post(Attempt attempt) {
        try {
            Job job = client.createJob(attempt.algorithm.apiUrl(), attempt.payload);
            succeed(attempt, job, false);
        } catch (GrandChallengeApiException e) {
            if (e.getStatusCode() == 400 && e.hasServerMessage(TOO_MANY_ACTIVE_JOBS)) {
                waitForCapacity(attempt, e);
            } else if (e.getStatusCode() == 400 && e.hasServerMessage(OUT_OF_CREDITS)) {
                // nothing was created; the gate turns the algorithm's next submissions away until a check is due
                fail(attempt, credits.refused(attempt.algorithm, e), true);
            } else if (e.getStatusCode() == 400 && e.hasServerMessage(DUPLICATE)) {
                Optional<Job> existing = findDuplicate(attempt);
                if (existing.isPresent()) {
                    succeed(attempt, existing.get(), true);
                } else {
                    fail(attempt, e, true);
                }
            } else if (isAmbiguous(e)) {
                recover(attempt, e);
            } else {
                fail(attempt, e, true);
            }
        } catch (GrandChallengeIoException e) {
            if (e.isConnectFailure()) {
                // the post never reached the platform: nothing to look for, and nothing was created
                fail(attempt, e, true);
            } else {
                recover(attempt, e);
            }
        } catch (RuntimeException e) {
            fail(attempt, e, false);
        }
    }

    /** The post may have created the job: look for it once, and post again only when it is not there. */
    private void recover(Attempt attempt, GrandChallengeException cause) {
        if (attempt.searched) {
            fail(attempt, cause, false);
            return;
        }
        attempt.searched = true;
        LOG.warn("Job submission to '{}' failed ambiguously ({}); looking for a job it may have created",
                attempt.algorithm.slug(), cause.getMessage());
        try {
            Optional<Job> created = new PriorJobs(client).find(attempt.algorithm, attempt.since, attempt.expected);
            if (created.isPresent()) {
                succeed(attempt, created.get(), false);
            } else {
                post(attempt);
            }
        } catch (RuntimeException e) {
            fail(attempt, e, false);
        }
    }

    private static boolean isAmbiguous(GrandChallengeApiException e) {
        int status = e.getStatusCode();
        return status == 500 || status == 502 || status == 504;
    }

    private void waitForCapacity(Attempt attempt, GrandChallengeApiException cause) {
        long waited = (System.nanoTime() - attempt.started) / 1_000_000L;
        if (waited >= configuration.getActiveJobsMaxWait()) {
            fail(attempt, new GrandChallengeException("Still too many active jobs after waiting " + waited + " ms "
                                                      + "(activeJobsMaxWait=" + configuration.getActiveJobsMaxWait()
                                                      + ")", cause), true);
            return;
        }
        client.metrics().backPressureWait(attempt.algorithm.slug());
        LOG.info("Too many active jobs on the platform; posting the job for '{}' again in {} ms",
                attempt.algorithm.slug(), configuration.getActiveJobsRetryDelay());
        scheduler.schedule(() -> workers.execute(() -> post(attempt)), configuration.getActiveJobsRetryDelay(),
                TimeUnit.MILLISECONDS);
    }

    /** The platform's duplicate check found a job with these (existing) images: find it through one of them. */
    private Optional<Job> findDuplicate(Attempt attempt) {
        for (JsonNode input : attempt.payload) {
            if (input.has("image")) {
                return new PriorJobs(client).findUsing(attempt.algorithm, input.get("image").asText(),
                        attempt.expected);
            }
        }
        return Optional.empty();
    }

    private void succeed(Attempt attempt, Job job, boolean existing) {
        if (!existing) {
            client.metrics().jobSubmitted(attempt.algorithm.slug());
        }
        submitted.add(job.pk());
        credits.accepted(attempt.algorithm);
        attempt.key.ifPresent(k -> marks.created(k, job.pk()));
        if (attempt.expected.stream().allMatch(e -> e.imageUrl() == null)) {
            inputNames.remember(job.pk(), imageUploadNames(attempt.expected));
        }
        attempt.result.complete(new Submitted(job, existing));
    }

    /**
     * Ends the attempt with {@code failure}; {@code nothingCreated} clears the mark (the platform refused), otherwise
     * it stays so the next attempt looks for the job first.
     */
    private void fail(Attempt attempt, RuntimeException failure, boolean nothingCreated) {
        if (nothingCreated) {
            attempt.key.ifPresent(marks::clear);
        }
        attempt.result.completeExceptionally(failure);
    }

    private static List<String> uploadNames(List<ExpectedInput> expected) {
        return expected.stream().flatMap(e -> e.uploadNames().stream()).toList();
    }

    /** The names the job's input images will have: the first file of each uploaded image. */
    private static List<String> imageUploadNames(List<ExpectedInput> expected) {
        return expected.stream().filter(e -> e.image() && !e.uploadNames().isEmpty())
                .map(e -> e.uploadNames().get(0)).toList();
    }
}
