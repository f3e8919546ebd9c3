package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.JobStatus;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves dropped inputs through their folders: {@code .done/} once the platform accepted the job, {@code .failed/}
 * with {@code <name>.error.txt} on a permanent failure; on a transient failure the input stays where it is and is
 * tried again.
 * <p>
 * The routes read their inboxes with {@code noop=true} and let this class do the moves, because camel-file's
 * {@code moveFailed} cannot tell a transient failure (keep the file) from a permanent one (fail it).
 * <p>
 * An input is a file (header {@code CamelFileAbsolutePath}) or a registration case folder (header
 * {@link #CASE_FOLDER}).
 */
public class DropFolder {

    /** Header with the path of a case folder (several inputs submitted as one job). */
    public static final String CASE_FOLDER = "GrandChallengeCaseFolder";
    static final String DONE = ".done";
    static final String FAILED = ".failed";

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

    private final JobLedger ledger;

    public DropFolder(JobLedger ledger) {
        this.ledger = ledger;
    }

    /** The job was accepted: move the input to {@code .done/} and remember which job it belongs to. */
    public void accepted(Exchange exchange) {
        Path input = input(exchange);
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        Path done = moveInto(input, DONE);
        if (jobId != null) {
            ledger.record(jobId, done);
        }
        ledger.submissionEnded(input);
        CONSOLE.info("{}: job {} accepted ({}), input moved to {}/", input.getFileName(), jobId, status, DONE);
    }

    /** A permanent failure: move the input to {@code .failed/} next to a {@code .error.txt} saying why. */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "Unknown failure." : FailureReasons.describe(failure);
        Path input = inputOrNull(exchange);
        if (input == null) {
            // a result route: the job's input (under .done/) goes to .failed/, so the failure is not only a log line
            String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
            input = ledger.input(jobId).orElse(null);
            reason = "The results of job " + jobId + " could not be stored: " + reason;
        }
        if (input == null || !Files.exists(input)) {
            CONSOLE.warn("{}: failed: {}", describeSource(exchange), reason);
            return;
        }
        fail(input, reason);
    }

    /** A transient failure: leave the input in place; it is tried again on a later poll. */
    public void retryLater(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path input = inputOrNull(exchange);
        CONSOLE.warn("{}: temporary problem, will try again: {}",
                input == null ? describeSource(exchange) : input.getFileName(),
                failure == null ? "unknown" : failure.getMessage());
    }

    /** A job's status changed on its way to a final one: one line, named after the input when this service sent it. */
    public void progress(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        String input = ledger.input(jobId).map(p -> p.getFileName().toString()).orElse("job " + jobId);
        CONSOLE.info("{}: job {} is {}", input, jobId, status);
    }

    /** The job's results are stored: the job no longer counts against the job timeout. */
    public void resultsStored(Exchange exchange) {
        ledger.finished(exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class));
    }

    /**
     * Stops the route for a job that was given up on (timed out; its input is in {@code .failed/}), so late results
     * never appear next to an input reported as failed.
     */
    public void skipAbandoned(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        if (ledger.isAbandoned(jobId)) {
            CONSOLE.warn("job {}: finished after it was given up on (timed out); its results are ignored", jobId);
            exchange.setRouteStop(true);
        }
    }

    /**
     * Gives up on jobs that have not reached a final status within the timeout: their inputs move to {@code .failed/}
     * with the reason, and their late results are ignored.
     *
     * @param statusOf looks up a job's current status (for the reason); may fail, then the status is left out
     */
    public void timeOutJobs(Duration timeout, Function<String, String> statusOf) {
        for (String jobId : ledger.openSince(Instant.now().minus(timeout))) {
            String status;
            try {
                status = statusOf.apply(jobId);
            } catch (RuntimeException e) {
                status = null;
            }
            if (status != null && JobStatus.isFinal(status)) {
                continue; // finished; its result route deals with it (a result still to be stored is retried there)
            }
            Optional<Path> input = ledger.input(jobId);
            ledger.abandoned(jobId);
            String reason = "Job " + jobId + " did not finish within " + human(timeout)
                    + (status == null ? "" : " (its status is still '" + status + "')")
                    + ". The service stopped waiting for it; results that arrive later are ignored. If the algorithm "
                    + "is known to be this slow, raise grandchallenge.jobTimeout; otherwise ask the algorithm's "
                    + "editors whether it is stuck.";
            input.filter(Files::exists).ifPresentOrElse(in -> fail(in, reason),
                    () -> CONSOLE.warn("job {}: {}", jobId, reason));
        }
    }

    private static String human(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " h"
                : d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** A job ended Failed or Cancelled: its input (under {@code .done/}) moves to {@code .failed/}. */
    public void jobFailed(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        ledger.finished(job.pk());
        String reason = JobFailures.describe(job);
        ledger.input(job.pk()).filter(Files::exists).ifPresentOrElse(
                input -> fail(input, reason),
                () -> CONSOLE.warn("job {}: {}", job.pk(), reason));
    }

    /** Moves the input to {@code .failed/} and writes the reason next to it. */
    public void fail(Path input, String reason) {
        Path failed = moveInto(input, FAILED);
        ledger.submissionEnded(input);
        Path errorFile = failed.resolveSibling(errorFileName(failed.getFileName().toString()));
        String text = reason + System.lineSeparator() + System.lineSeparator()
                + "Input: " + input.getFileName() + System.lineSeparator()
                + "Failed at: " + Instant.now() + System.lineSeparator()
                + "To try again, fix the input and drop it into the inbox again." + System.lineSeparator();
        writeAtomically(errorFile, text);
        CONSOLE.warn("{}: failed, moved to {}/: {}", input.getFileName(), FAILED, reason);
    }

    /** The ledger of submitted jobs and unfinished submissions. */
    public JobLedger ledger() {
        return ledger;
    }

    /**
     * {@code <name>.error.txt}; for a name so long that this would exceed the file system's 255-byte limit, the name
     * is shortened and marked with {@code ~} (the reason inside names the input in full).
     */
    static String errorFileName(String inputName) {
        String suffix = ".error.txt";
        String name = inputName;
        if ((name + suffix).getBytes(StandardCharsets.UTF_8).length <= 255) {
            return name + suffix;
        }
        while ((name + "~" + suffix).getBytes(StandardCharsets.UTF_8).length > 255) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        return name + "~" + suffix;
    }

    /** The job's input, under {@code .done/}, if this service submitted it. */
    public Optional<Path> inputOf(String jobId) {
        return ledger.input(jobId);
    }

    static Path input(Exchange exchange) {
        Path input = inputOrNull(exchange);
        if (input == null) {
            throw new IllegalStateException("The exchange names no input file or case folder");
        }
        return input;
    }

    private static Path inputOrNull(Exchange exchange) {
        Object caseFolder = exchange.getMessage().getHeader(CASE_FOLDER);
        if (caseFolder != null) {
            return Path.of(caseFolder.toString());
        }
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        return file == null ? null : Path.of(file).toAbsolutePath();
    }

    private static String describeSource(Exchange exchange) {
        Object jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID);
        return jobId != null ? "job " + jobId : "route " + exchange.getFromRouteId();
    }

    /** Moves a file or folder into the named sibling folder; an older entry of the same name is renamed aside. */
    private static Path moveInto(Path input, String folderName) {
        try {
            // an input already under .done/ (its job failed later) goes to the inbox's .failed/, not .done/.failed/
            Path inbox = DONE.equals(String.valueOf(input.getParent().getFileName()))
                    ? input.getParent().getParent() : input.getParent();
            Path folder = Files.createDirectories(inbox.resolve(folderName));
            Path target = folder.resolve(input.getFileName());
            if (Files.exists(target)) {
                // the newest input keeps its name (results are named after it); the older one is kept aside
                Files.move(target, folder.resolve(input.getFileName() + "-" + System.currentTimeMillis()),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.move(input, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + input + " to " + folderName + "/: " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path temp = Files.createTempFile(file.getParent(), ".error-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
