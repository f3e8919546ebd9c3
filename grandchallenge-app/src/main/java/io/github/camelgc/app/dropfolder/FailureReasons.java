package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;

/**
 * Words failures for a person: what went wrong and what to do about it, without stack traces. Whether a failure is
 * retried is not decided here but by the failure itself ({@link io.github.camelgc.grandchallenge.Retryable}) and the
 * service's routes ({@code failures.camel.yaml}).
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** A one-paragraph reason a person can act on. */
    public static String describe(Throwable failure) {
        if (failure instanceof InputRejectedException || failure instanceof InputIncompleteException
                || failure instanceof DiskProblem) {
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
                return "The platform refused the API token (401): it is wrong, expired or revoked. Set "
                        + "GRAND_CHALLENGE_AUTHORIZATION to a valid token and restart the service.";
            }
            if (api.getStatusCode() == 403) {
                return "The platform answered 403: the token's user may not do this (" + api.getMessage() + "). Ask "
                        + "for access on the algorithm's page, or use the token of a user who has it.";
            }
            return "The platform refused the request: " + api.getMessage();
        }
        String message = failure.getMessage();
        return "An unexpected problem in the service: " + (message == null ? failure.getClass().getSimpleName()
                : message);
    }

    /** What to do to have the input processed after all, for the last line of its {@code .error.txt}. */
    public static String toTryAgain(Throwable failure) {
        if (failure instanceof InputRejectedException rejected) {
            return rejected.toTryAgain();
        }
        if (failure instanceof GrandChallengeJobFailedException || failure instanceof GrandChallengeTimeoutException) {
            return JobFailures.TO_TRY_AGAIN;
        }
        if (failure instanceof GrandChallengeInputException) {
            return InputRejectedException.FIX_AND_DROP_AGAIN;
        }
        return "To try again, drop the input into the inbox again once the problem above is solved.";
    }

    /**
     * What kind of failure this is, for saying it once ({@link ConsoleOnce}): the same kind on the next try is not
     * news, another one is.
     */
    public static String kind(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        if (failure instanceof GrandChallengeApiException api) {
            return failure.getClass().getSimpleName() + " " + api.getStatusCode();
        }
        if (failure instanceof DiskProblem) {
            return failure.getClass().getSimpleName() + " " + failure.getMessage();
        }
        return failure.getClass().getSimpleName();
    }
}
