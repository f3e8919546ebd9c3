package io.github.camelgc.grandchallenge;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.model.Job;

/** A job did not reach a final status within the configured wait timeout. */
public class GrandChallengeTimeoutException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    private final transient Job job;

    public GrandChallengeTimeoutException(Job job, long timeoutMillis) {
        super("Job " + job.pk() + " is still '" + job.status() + "' after waiting " + timeoutMillis + " ms");
        this.job = job;
    }

    /** The job as last read from the API. */
    public Job getJob() {
        return job;
    }
}
