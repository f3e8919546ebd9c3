package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * Consumer exception handler for polls that fail (platform unreachable, 5xx, the token refused): one console line
 * per problem instead of a stack trace per poll ({@link ConsoleOnce}: said again only when the problem changes or
 * comes back after a quiet spell); the consumer simply polls again later, so nothing else needs doing.
 */
public class PollProblems implements ExceptionHandler {

    private final ConsoleOnce console = new ConsoleOnce();

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception instanceof GrandChallengeOutOfCreditsException) {
            // an archive item waiting for credits: the route's failure handling said so once (CreditsWait)
            return;
        }
        String reason = FailureReasons.describe(exception);
        console.warn("polling", FailureReasons.kind(exception),
                "polling failed, will try again (said once while it lasts): {}", reason);
    }
}
