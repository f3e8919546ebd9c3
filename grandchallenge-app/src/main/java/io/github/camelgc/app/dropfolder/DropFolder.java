package io.github.camelgc.app.dropfolder;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.outputs.FileNames;
import org.apache.camel.Exchange;

/**
 * Moves dropped inputs through their folders: {@code .done/} once the platform accepted the job, {@code .failed/}
 * with {@code <name>.error.txt} on a permanent failure; on a retryable failure the input stays where it is and is
 * tried again after a pause ({@link RetryBackoff}). The console says each input's state changes once
 * ({@link ConsoleOnce}), not once per try.
 * <p>
 * The routes read their inboxes with {@code noop=true} and let this class do the moves, because camel-file's
 * {@code moveFailed} cannot tell a retryable failure (keep the file) from a permanent one (fail it). When our own
 * disk refuses a move ({@code .done/} or {@code .failed/} cannot be written), the input keeps its place and gets its
 * fate on a later try: a job already created is adopted then (the submission mark), never posted again.
 * <p>
 * An input is a file (header {@code CamelFileAbsolutePath}) or a registration case folder (header
 * {@link #CASE_FOLDER}). With {@code grandchallenge.inbox.readyMarker} on, its {@code .ready} marker goes with it.
 */
public class DropFolder {

    /** Header with the path of a case folder (several inputs submitted as one job). */
    public static final String CASE_FOLDER = "GrandChallengeCaseFolder";
    /** The marker that says an input is complete ({@code <name>.ready}, when markers are on). */
    public static final String READY_SUFFIX = InputMoves.READY_SUFFIX;
    static final String DONE = InputMoves.DONE;
    static final String FAILED = InputMoves.FAILED;
    private static final String PICKED_UP = "|picked up";

    private final JobInputs jobs;
    private final RetryBackoff backoff;
    private final Duration jobTimeout;
    private final ConsoleOnce console = new ConsoleOnce();

    /**
     * @param jobTimeout how long the job consumer waits for a job to finish (for the reason a timed-out input gets)
     */
    public DropFolder(JobInputs jobs, RetryBackoff backoff, Duration jobTimeout) {
        this.jobs = jobs;
        this.backoff = backoff;
        this.jobTimeout = jobTimeout;
    }

    /** The console of the drop folders: each input's state said once. */
    public ConsoleOnce console() {
        return console;
    }

    /** An input was picked up: said once per input and content (not again on each retry). */
    public void pickedUp(Exchange exchange) {
        Path input = input(exchange);
        // a subject of its own: the input's other states (a retry's reason) do not make it news again
        String subject = input + PICKED_UP;
        if (exchange.getMessage().getHeader(CASE_FOLDER) != null) {
            console.info(subject, "picked up", "{}: complete case picked up", input.getFileName());
            return;
        }
        Long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        console.info(subject, size + "@" + modified, "{}: picked up ({} bytes)", input.getFileName(), size);
    }

    /**
     * The job was accepted: move the input to {@code .done/} and remember which job it belongs to. The job is
     * recorded first, so results that arrive while the move cannot be made are still named after the input.
     */
    public void accepted(Exchange exchange) {
        Path input = input(exchange);
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        boolean adopted = Boolean.TRUE.equals(exchange.getMessage().getHeader(GrandChallengeConstants.JOB_EXISTING));
        if (jobId != null) {
            jobs.record(jobId, input);
        }
        // a DiskProblem here is retryable: the input stays, and the next try adopts this job (the submission mark)
        Path done = InputMoves.into(input, DONE);
        InputMoves.releaseFromConsumer(exchange);
        if (jobId != null) {
            jobs.moved(jobId, done);
        }
        backoff.creditsWait().accepted(input);
        backoff.succeeded(input);
        forget(input);
        console.info(input.toString(), "accepted", "{}: job {} {} ({}), input moved to {}/", input.getFileName(),
                jobId, adopted ? "already existed" : "accepted", status, DONE);
    }

    /**
     * A permanent failure: move the input to {@code .failed/} next to a {@code .error.txt} saying why. When that
     * folder cannot be written, the input keeps its place and the exchange is left failed, so the input is tried
     * (and refused) again later; the console says so once.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "Unknown failure." : FailureReasons.describe(failure);
        String toTryAgain = FailureReasons.toTryAgain(failure);
        Path input = inputOrNull(exchange);
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        if (input == null) {
            // a result route: the job's input (under .done/) goes to .failed/, so the failure is not only a log line
            input = jobs.input(jobId).orElse(null);
            reason = "The results of job " + jobId + " could not be stored: " + reason;
        }
        if (input == null || !Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            jobs.forget(jobId);
            console.warn(describeSource(exchange), "failed", "{}: failed: {}", describeSource(exchange), reason);
            return;
        }
        try {
            fail(input, reason, toTryAgain);
            InputMoves.releaseFromConsumer(exchange);
            jobs.forget(jobId);
        } catch (DiskProblem e) {
            // not handled after all: the exchange stays failed, so a file consumer offers the input again later
            exchange.getExchangeExtension().setErrorHandlerHandled(false);
            Duration pause = backoff.failed(input);
            console.warn(input.toString(), "cannot fail", "{}: {}; it stays where it is and is failed on a later try "
                    + "(next in {} s): {}", input.getFileName(), e.getMessage(), pause.toSeconds(), reason);
        }
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
        String state = FailureReasons.kind(failure);
        if (input == null) {
            console.warn(describeSource(exchange), state, "{}: temporary problem, will try again: {}",
                    describeSource(exchange), problem);
            return;
        }
        Duration pause = backoff.failed(input);
        if (failure instanceof InputIncompleteException) {
            console.info(input.toString(), state, "{}: {}", input.getFileName(), problem);
        } else {
            console.warn(input.toString(), state, "{}: temporary problem, will try again (next in {} s, then after "
                    + "longer pauses): {}", input.getFileName(), pause.toSeconds(), problem);
        }
    }

    /**
     * The platform refused the token or the token's user may not use the algorithm: not the input's fault. It stays
     * where it is and is tried again after pauses that grow to the longest one; the console says once what to fix.
     */
    public void accessRefused(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path input = inputOrNull(exchange);
        if (input != null) {
            backoff.failed(input);
        }
        String where = input != null ? InputMoves.inboxName(input) : describeSource(exchange);
        console.warn("platform access", FailureReasons.kind(failure), "{} Inputs wait where they are ({}; none is "
                + "failed) and are tried again now and then; they are submitted once access works.",
                FailureReasons.describe(failure), where);
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
            console.warn(describeSource(exchange), FailureReasons.kind(failure), "{}: failed, will try again: {}",
                    describeSource(exchange), problem);
            return;
        }
        Duration pause = backoff.failed(source);
        console.warn(source.toString(), FailureReasons.kind(failure), "{}: the lung mask could not be written, "
                + "trying again in {} s (then after longer pauses): {}", source.getFileName(), pause.toSeconds(),
                problem);
    }

    /** A job's status changed on its way to a final one: one line, named after the input when this service sent it. */
    public void progress(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String status = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS, String.class);
        String input = jobs.input(jobId).map(p -> p.getFileName().toString()).orElse("job " + jobId);
        console.info("job " + jobId, status, "{}: job {} is {}", input, jobId, status);
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
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        jobs.finished(jobId);
        console.forget("job " + jobId);
    }

    /** A job ended Failed or Cancelled: its input (under {@code .done/}) moves to {@code .failed/}. */
    public void jobFailed(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        failInputOf(job.pk(), JobFailures.describe(job), JobFailures.TO_TRY_AGAIN);
    }

    /**
     * The job consumer gave up on a job that did not finish within {@code grandchallenge.jobTimeout}: its input moves
     * to {@code .failed/}; results that arrive later are not emitted.
     */
    public void jobTimedOut(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        failInputOf(job.pk(), JobFailures.timedOut(job, jobTimeout), JobFailures.TO_TRY_AGAIN);
    }

    /**
     * The platform answered 404 for a job this service submitted (header {@code CamelGrandChallengeJobId}): it was
     * reset or replaced behind the same address, or the token now belongs to another user. The job's results can
     * never be collected: its input moves to {@code .failed/} at once, saying so.
     */
    public void jobGone(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        try {
            failInputOf(jobId, JobFailures.gone(jobId), JobFailures.TO_RUN_AGAIN);
        } catch (DiskProblem e) {
            // the job stays open: the next check finds it gone again and tries once more
            console.warn("job " + jobId, "gone, cannot fail", "job {}: no longer exists on the platform, but its "
                    + "input cannot be moved to {}/ now ({}); tried again on the next check", jobId, FAILED,
                    e.getMessage());
        }
    }

    /** The jobs this service submitted whose outcome is not dealt with yet. */
    public List<String> openJobs() {
        return jobs.openJobs();
    }

    private void failInputOf(String jobId, String reason, String toTryAgain) {
        Optional<Path> input = jobs.input(jobId);
        if (input.filter(Files::exists).isPresent()) {
            // a DiskProblem here is retryable: the job is emitted again, the input keeps its place until then
            fail(input.get(), reason, toTryAgain);
        } else {
            console.warn("job " + jobId, "failed", "job {}: {}", jobId, reason);
        }
        jobs.forget(jobId);
        console.forget("job " + jobId);
    }

    /** Moves the input to {@code .failed/} and writes the reason next to it. */
    public void fail(Path input, String reason) {
        fail(input, reason, InputRejectedException.FIX_AND_DROP_AGAIN);
    }

    /**
     * Moves the input to {@code .failed/} and writes the reason and what to do next to it; throws a
     * {@link DiskProblem} (the input keeps its place) when that cannot be done.
     */
    public void fail(Path input, String reason, String toTryAgain) {
        String text = FileNames.printable(reason) + System.lineSeparator() + System.lineSeparator()
                + "Input: " + FileNames.printable(input.getFileName().toString()) + System.lineSeparator()
                + "Failed at: " + Instant.now() + System.lineSeparator()
                + toTryAgain + System.lineSeparator();
        InputMoves.toFailed(input, text);
        backoff.succeeded(input);
        forget(input);
        console.warn(input.toString(), "failed", "{}: failed, moved to {}/: {}", input.getFileName(), FAILED, reason);
    }

    /** Pauses an input after a failure of our own (it is tried again later); returns for how long. */
    public Duration backoffFailed(Path input) {
        return backoff.failed(input);
    }

    /** The input has its fate: what is said about a new input of the same name is news. */
    private void forget(Path input) {
        console.forget(input.toString());
        console.forget(input + PICKED_UP);
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
}
