package io.github.camelgc.grandchallenge.producer;

import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.JobStatus;

/** Polls a job until it is final; Failed and Cancelled become {@link GrandChallengeJobFailedException}. */
final class JobWaiter {

    private final GrandChallengeClient client;
    private final long timeoutMillis;
    private final long intervalMillis;

    JobWaiter(GrandChallengeClient client, long timeoutMillis, long intervalMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = Math.max(1, intervalMillis);
    }

    Job await(String jobRef) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            Job job = client.job(jobRef);
            if (job.isFinal()) {
                if (!JobStatus.SUCCEEDED.label().equalsIgnoreCase(job.status())) {
                    throw new GrandChallengeJobFailedException(job);
                }
                return job;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new GrandChallengeTimeoutException(job, timeoutMillis);
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GrandChallengeException("Interrupted while waiting for job " + job.pk(), e);
            }
        }
    }
}
