package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer exception handler for polls that fail (platform unreachable, 5xx): one console line instead of a stack
 * trace; the consumer simply polls again later, so nothing else needs doing.
 */
public class PollProblems implements ExceptionHandler {

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

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
        CONSOLE.warn("polling failed, will try again: {}", FailureReasons.describe(exception));
    }
}
