package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.outputs.AtomicFiles;
import io.github.camelgc.grandchallenge.outputs.FileNames;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves dropped inputs through their folders: {@code .done/} once the platform accepted the job, {@code .failed/}
 * with {@code <name>.error.txt} on a permanent failure; on a retryable failure the input stays where it is and is
 * tried again after a pause ({@link RetryBackoff}).
 * <p>
 * The routes read their inboxes with {@code noop=true} and let this class do the moves, because camel-file's
 * {@code moveFailed} cannot tell a retryable failure (keep the file) from a permanent one (fail it).
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

    private final JobInputs jobs;
    private final RetryBackoff backoff;
    private final Duration jobTimeout;

    /**
     * @param jobTimeout how long the job consumer waits for a job to finish (for the reason a timed-out input gets)
     */
    public DropFolder(JobInputs jobs, RetryBackoff backoff, Duration jobTimeout) {
        this.jobs = jobs;
        this.backoff = backoff;
        this.jobTimeout = jobTimeout;
    }

    /** The job was accepted: move the input to {@code .done/} and remember which job it belongs to. */
    public void accepted(Exchange exchange) {
        Path input = input(exchange);
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        boolean adopted = Boolean.TRUE.equals(exchange.getMessage().getHeader(GrandChallengeConstants.JOB_EXISTING));
        Path done = moveInto(input, DONE);
        if (jobId != null) {
            jobs.record(jobId, done);
        }
        backoff.creditsWait().accepted(input);
        backoff.succeeded(input);
        CONSOLE.info("{}: job {} {} ({}), input moved to {}/", input.getFileName(), jobId,
                adopted ? "already existed" : "accepted", status, DONE);
    }

    /** A permanent failure: move the input to {@code .failed/} next to a {@code .error.txt} saying why. */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "Unknown failure." : FailureReasons.describe(failure);
        Path input = inputOrNull(exchange);
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        if (input == null) {
            // a result route: the job's input (under .done/) goes to .failed/, so the failure is not only a log line
            input = jobs.input(jobId).orElse(null);
            reason = "The results of job " + jobId + " could not be stored: " + reason;
            jobs.finished(jobId);
        }
        if (input == null || !Files.exists(input)) {
            CONSOLE.warn("{}: failed: {}", describeSource(exchange), reason);
            return;
        }
        fail(input, reason);
    }

    /**
     * A retryable failure: leave the input in place; it is tried again after a pause that grows with each try, or,
     * when its algorithm is out of credits, once credits are back ({@link CreditsWait}, which says so once).
     */
    public void retryLater(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path input = inputOrNull(exchange);
        if (failure instanceof GrandChallengeOutOfCreditsException outOfCredits) {
            String item = exchange.getMessage().getHeader(GrandChallengeConstants.ARCHIVE_ITEM_ID, String.class);
            backoff.creditsWait().waiting(input, item != null ? item : describeSource(exchange), outOfCredits);
            return;
        }
        String problem = failure == null ? "unknown" : FailureReasons.describe(failure);
        if (input == null) {
            CONSOLE.warn("{}: temporary problem, will try again: {}", describeSource(exchange), problem);
            return;
        }
        var pause = backoff.failed(input);
        CONSOLE.warn("{}: temporary problem, will try again in {} s: {}", input.getFileName(), pause.toSeconds(),
                problem);
    }

    /**
     * A step derived from a result (the lung mask) failed: the result keeps its place, whatever the failure, and the
     * step is tried again after a pause that grows with each failure.
     */
    public void derivedStepFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path source = inputOrNull(exchange);
        String problem = failure == null ? "unknown" : FailureReasons.describe(failure);
        if (source == null) {
            CONSOLE.warn("{}: failed, will try again: {}", describeSource(exchange), problem);
            return;
        }
        var pause = backoff.failed(source);
        CONSOLE.warn("{}: the lung mask could not be written, trying again in {} s: {}", source.getFileName(),
                pause.toSeconds(), problem);
    }

    /** A job's status changed on its way to a final one: one line, named after the input when this service sent it. */
    public void progress(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        String input = jobs.input(jobId).map(p -> p.getFileName().toString()).orElse("job " + jobId);
        CONSOLE.info("{}: job {} is {}", input, jobId, status);
    }

    /**
     * Names the job's outputs after the input this service submitted it for ({@code {input}} and {@code {inputName}}
     * in the output file pattern become the dropped file's or case folder's name), so no image has to be looked up
     * for it; a job submitted elsewhere has no such input and is named by {@code foreignPattern} instead.
     */
    public void nameAfterInput(Exchange exchange, String foreignPattern) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        jobs.input(jobId).ifPresentOrElse(
                input -> exchange.getMessage().setHeader(GrandChallengeConstants.INPUT_NAME,
                        input.getFileName().toString()),
                () -> exchange.getMessage().setHeader(GrandChallengeConstants.OUTPUT_FILE_NAME, foreignPattern));
    }

    /** The job's results are stored: its input's entry is no longer needed. */
    public void resultsStored(Exchange exchange) {
        jobs.finished(exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class));
    }

    /** A job ended Failed or Cancelled: its input (under {@code .done/}) moves to {@code .failed/}. */
    public void jobFailed(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        failInputOf(job.pk(), JobFailures.describe(job));
    }

    /**
     * The job consumer gave up on a job that did not finish within {@code grandchallenge.jobTimeout}: its input moves
     * to {@code .failed/}; results that arrive later are not emitted.
     */
    public void jobTimedOut(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        failInputOf(job.pk(), "Job " + job.pk() + " did not finish within " + human(jobTimeout) + " (its status is "
                + "still '" + job.status() + "'). The service stopped waiting for it; results that arrive later are "
                + "ignored. If the algorithm is known to be this slow, raise grandchallenge.jobTimeout; otherwise ask "
                + "the algorithm's editors whether it is stuck.");
    }

    private static String human(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " h"
                : d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private void failInputOf(String jobId, String reason) {
        Optional<Path> input = jobs.input(jobId);
        jobs.finished(jobId);
        input.filter(Files::exists).ifPresentOrElse(in -> fail(in, reason),
                () -> CONSOLE.warn("job {}: {}", jobId, reason));
    }

    /** Moves the input to {@code .failed/} and writes the reason next to it. */
    public void fail(Path input, String reason) {
        Path failed = moveInto(input, FAILED);
        backoff.succeeded(input);
        Path errorFile = failed.resolveSibling(FileNames.withSuffix(failed.getFileName().toString(), ".error.txt"));
        String text = FileNames.printable(reason) + System.lineSeparator() + System.lineSeparator()
                + "Input: " + FileNames.printable(input.getFileName().toString()) + System.lineSeparator()
                + "Failed at: " + Instant.now() + System.lineSeparator()
                + "To try again, fix the input and drop it into the inbox again." + System.lineSeparator();
        try {
            AtomicFiles.writeString(errorFile, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + errorFile + ": " + e.getMessage(), e);
        }
        CONSOLE.warn("{}: failed, moved to {}/: {}", input.getFileName(), FAILED, reason);
    }

    /** Whether an input may be tried now (it is not pausing after a retryable failure). */
    public boolean mayTry(Path input) {
        return backoff.mayTry(input);
    }

    /** The job's input, under {@code .done/}, if this service submitted it. */
    public Optional<Path> inputOf(String jobId) {
        return jobs.input(jobId);
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
            throw new DiskProblem("Cannot move " + input.getFileName() + " to " + folderName + "/: " + e.getMessage(), e);
        }
    }
}
