package io.github.camelgc.app.dropfolder;

import java.util.Set;

import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.client.upload.GrandChallengeUploadException;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;

/**
 * Sorts failures into transient (try the same file again later) and permanent (the file goes to {@code .failed/}),
 * and words them for a person: what went wrong and what to do about it, without stack traces.
 */
public final class FailureReasons {

    /** Answers where the platform may well succeed later: rate limits, overload, gateway trouble. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504, 507);

    private FailureReasons() {
    }

    /** Whether the failure may go away by itself (network, 5xx, 429): the input is kept and tried again. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputIncompleteException) {
                return true;
            }
            if (t instanceof GrandChallengeIoException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof GrandChallengeApiException api) {
                return TRANSIENT_STATUSES.contains(api.getStatusCode());
            }
            if (t instanceof GrandChallengeUploadException) {
                // an aborted upload leaves nothing behind on the platform: uploading again is safe
                return t.getCause() != null && isTransient(t.getCause());
            }
        }
        return false;
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
