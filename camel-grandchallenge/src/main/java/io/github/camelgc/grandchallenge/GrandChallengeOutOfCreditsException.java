package io.github.camelgc.grandchallenge;

import java.time.Instant;
import java.util.List;

import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;

/**
 * The platform refuses jobs of this algorithm because the account is out of credits (HTTP 400 "You have run out of
 * algorithm credits"), or the component knows it is and did not ask: once refused, further submissions to the
 * algorithm fail at once, before anything is uploaded, until {@link #getNextCheck()}; from then the next submission
 * checks again at no cost (no upload, no job).
 * <p>
 * {@link #isRetryable()} is {@code true}, but not "at once": credits come back by themselves (a job counts against
 * the monthly pool for a month) or when the platform or the algorithm's editors grant some, and the same submission
 * then succeeds unchanged. Try again after {@link #getNextCheck()}; earlier attempts cost nothing but fail the same
 * way.
 */
public class GrandChallengeOutOfCreditsException extends GrandChallengeApiException {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final Instant since;
    private final Instant nextCheck;

    /**
     * @param serverMessages the platform's answer (its last refusal when this submission was not sent at all)
     * @param refusedNow     whether this submission's own post was refused, rather than stopped before uploading
     */
    public GrandChallengeOutOfCreditsException(String algorithm, Instant since, Instant nextCheck,
            List<String> serverMessages, boolean refusedNow) {
        super("The account is out of credits for algorithm '" + algorithm + "' (since " + since + "): "
              + (refusedNow ? "the platform refused the job (" + String.join("; ", serverMessages) + ")"
                      : "not submitted, nothing uploaded")
              + "; the next submission from " + nextCheck + " checks again", 400, serverMessages);
        this.algorithm = algorithm;
        this.since = since;
        this.nextCheck = nextCheck;
    }

    /** The algorithm's slug. */
    public String getAlgorithm() {
        return algorithm;
    }

    /** When the platform first refused a job of this algorithm for want of credits. */
    public Instant getSince() {
        return since;
    }

    /** From when a submission checks again whether credits are back; until then submissions fail at once. */
    public Instant getNextCheck() {
        return nextCheck;
    }

    /** True: the same submission succeeds once credits are back; try after {@link #getNextCheck()}. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
