package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;

/**
 * Words failures for a person: what went wrong and what to do about it, without stack traces. Whether a failure is
 * retried is not decided here but by the failure itself ({@link io.github.camelgc.grandchallenge.Retryable}).
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** A one-paragraph reason a person can act on. */
    public static String describe(Throwable failure) {
        if (failure instanceof InputRejectedException) {
            return failure.getMessage();
        }
        if (failure instanceof GrandChallengeNotFoundException) {
            return failure.getMessage() + ". Check the algorithm or archive slug in the route, and that the user of "
                    + "the API token may see and run it.";
        }
        if (failure instanceof GrandChallengeInputException) {
            return "The platform's checks refused the inputs: " + failure.getMessage();
        }
        if (failure instanceof GrandChallengeJobFailedException jobFailed) {
            return JobFailures.describe(jobFailed.getJob());
        }
        if (failure instanceof GrandChallengeTimeoutException) {
            return "The job did not finish in time: " + failure.getMessage()
                    + ". Raise waitTimeout in the route if the algorithm is known to be slow.";
        }
        if (failure instanceof GrandChallengeOutOfCreditsException credits) {
            return "The account is out of credits for algorithm '" + credits.getAlgorithm() + "': the platform "
                    + "refuses its jobs. Credits renew over a rolling month; the platform or the algorithm's editors "
                    + "can grant more. Submitting the input again once there are credits will work.";
        }
        if (failure instanceof GrandChallengeApiException api) {
            if (api.getStatusCode() == 401) {
                return "The platform refused the API token (401). Check GRAND_CHALLENGE_AUTHORIZATION.";
            }
            if (api.getStatusCode() == 403) {
                return "The platform answered 403: the token's user may not do this. " + api.getMessage();
            }
            return "The platform refused the request: " + api.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
