package io.github.camelgc.app.dropfolder;

import java.time.Duration;

import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import org.apache.camel.Exchange;

/**
 * Gives up on submitted jobs that do not reach a final status within the job timeout (a job stuck on the platform
 * would otherwise leave its input in {@code .done/} for ever, with no result and no reason): see
 * {@link DropFolder#timeOutJobs}. Run periodically by the {@code job-timeouts} route.
 */
public class JobTimeouts {

    private final DropFolder dropFolder;
    private final Duration timeout;

    public JobTimeouts(DropFolder dropFolder, Duration timeout) {
        this.dropFolder = dropFolder;
        this.timeout = timeout;
    }

    public void check(Exchange exchange) {
        GrandChallengeClient client = exchange.getContext()
                .getEndpoint("grandchallenge:job", GrandChallengeEndpoint.class).client();
        dropFolder.timeOutJobs(timeout, jobId -> client.job(jobId).status());
    }

    public Duration timeout() {
        return timeout;
    }
}
