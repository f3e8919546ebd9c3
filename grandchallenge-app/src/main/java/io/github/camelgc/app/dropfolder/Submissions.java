package io.github.camelgc.app.dropfolder;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a dropped scan's submission safe against the service dying between "the platform created the job" and "the
 * input moved to {@code .done/}" (a crash, {@code kill -9}, power loss): before posting, the algorithm's job count is
 * written to the {@link JobLedger}; when the input shows up again with that mark still there, the jobs created since
 * are searched for one whose input image carries the scan's file name, and that job is adopted instead of posting a
 * second one.
 * <p>
 * A job that is still importing its upload does not show its input yet; then the scan is tried again later rather
 * than guessed about.
 */
public class Submissions {

    /** Header set to {@code true} when an earlier submission's job was found and adopted: do not post again. */
    public static final String RECOVERED = "GrandChallengeRecovered";

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

    private final JobLedger ledger;
    /** Algorithms by slug: they do not change while the service runs. */
    private final Map<String, Algorithm> algorithms = new ConcurrentHashMap<>();

    public Submissions(JobLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Adopts the job of an unfinished earlier submission of this input, or marks the submission as begun.
     *
     * @param algorithm the slug of the algorithm the route submits to
     */
    public void recoverOrBegin(Exchange exchange, String algorithm) {
        Path input = DropFolder.input(exchange);
        GrandChallengeClient client = exchange.getContext()
                .getEndpoint("grandchallenge:job?algorithm=" + algorithm, GrandChallengeEndpoint.class).client();
        Algorithm resolved = algorithms.computeIfAbsent(algorithm, client::algorithm);
        var pending = ledger.pendingSubmission(input);
        if (pending.isPresent()) {
            Job earlier = find(client, resolved, pending.get(), input.getFileName().toString());
            if (earlier != null) {
                CONSOLE.info("{}: an earlier attempt already created job {} ({}); not submitting again",
                        input.getFileName(), earlier.pk(), earlier.status());
                exchange.getMessage().setHeader(GrandChallengeConstants.JOB_ID, earlier.pk());
                exchange.getMessage().setHeader(GrandChallengeConstants.JOB_STATUS, earlier.status());
                exchange.getMessage().setHeader(RECOVERED, true);
                return;
            }
        }
        ledger.submitting(input, client.jobsPage(resolved.pk(), 0, 1).count());
    }

    private static Job find(GrandChallengeClient client, Algorithm algorithm, long since, String fileName) {
        Iterator<Job> jobs = client.jobs(Map.of("algorithm_image__algorithm", algorithm.pk(),
                "offset", Long.toString(since)));
        while (jobs.hasNext()) {
            Job job = jobs.next();
            if (job.inputs().isEmpty() && !job.isFinal()) {
                // its upload is still being imported: the input's name is not visible yet
                throw new GrandChallengeIoException("Job " + job.pk() + " of an earlier attempt does not show its "
                        + "inputs yet; checking again before submitting " + fileName, null);
            }
            List<String> names = client.inputImageNames(job);
            if (names.contains(fileName)) {
                return job;
            }
        }
        return null;
    }
}
