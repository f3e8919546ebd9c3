package io.github.camelgc.grandchallenge;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.model.Job;

/**
 * A job ended {@code Failed} or {@code Cancelled}. The platform gives API clients no reason text; {@code Cancelled}
 * right after submission usually means an uploaded input could not be imported or validated.
 */
public class GrandChallengeJobFailedException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    private final transient Job job;

    public GrandChallengeJobFailedException(Job job) {
        super("Job " + job.pk() + " ended with status " + job.status()
              + ("Cancelled".equalsIgnoreCase(job.status())
                      ? " (usually an input failed validation, e.g. an unreadable image)" : ""));
        this.job = job;
    }

    /** The final job as last read from the API. */
    public Job getJob() {
        return job;
    }
}
