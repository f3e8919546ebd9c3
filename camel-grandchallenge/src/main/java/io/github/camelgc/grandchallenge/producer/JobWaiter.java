package io.github.camelgc.grandchallenge.producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.JobStatus;

/**
 * Polls a job until it is final, on the component's scheduler (no thread sleeps while the job runs); Failed and
 * Cancelled become {@link GrandChallengeJobFailedException}.
 */
final class JobWaiter {

    private final GrandChallengeClient client;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.Executor workers;
    private final long timeoutMillis;
    private final long intervalMillis;

    JobWaiter(GrandChallengeClient client, ScheduledExecutorService scheduler, java.util.concurrent.Executor workers,
            long timeoutMillis, long intervalMillis) {
        this.client = client;
        this.scheduler = scheduler;
        this.workers = workers;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = Math.max(1, intervalMillis);
    }

    /** Completes with the job once it succeeded. */
    CompletableFuture<Job> await(String jobRef) {
        CompletableFuture<Job> result = new CompletableFuture<>();
        check(jobRef, System.nanoTime() + timeoutMillis * 1_000_000L, result);
        return result;
    }

    private void check(String jobRef, long deadline, CompletableFuture<Job> result) {
        try {
            Job job = client.job(jobRef);
            if (job.isFinal()) {
                if (JobStatus.SUCCEEDED.label().equalsIgnoreCase(job.status())) {
                    result.complete(job);
                } else {
                    result.completeExceptionally(new GrandChallengeJobFailedException(job));
                }
            } else if (System.nanoTime() - deadline >= 0) {
                result.completeExceptionally(new GrandChallengeTimeoutException(job, timeoutMillis));
            } else {
                scheduler.schedule(() -> workers.execute(() -> check(jobRef, deadline, result)), intervalMillis,
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
