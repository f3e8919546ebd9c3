package io.github.camelgc.grandchallenge.producer;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;

/**
 * Whether an earlier, interrupted attempt created the job cannot be told yet (a candidate job is still importing its
 * inputs, which hides them). Retryable: the next attempt looks again; posting now could create a duplicate.
 */
public class SubmissionPendingException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public SubmissionPendingException(String message) {
        super(message);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
