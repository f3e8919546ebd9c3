package io.github.camelgc.app;

import java.time.Duration;

/**
 * How often the service polls and how long it waits for case folders to complete.
 *
 * @param jobPoll     delay between polls for finished jobs
 * @param archivePoll delay between polls of the archive for new images
 * @param caseSettle  how long a complete case folder must stay unchanged before it is submitted
 * @param caseGrace   how long an incomplete case folder may stay unchanged before it fails
 * @param jobTimeout  how long a submitted job may take to reach a final status before its input goes to
 *                    {@code .failed/} (the job itself keeps running on the platform; its late results are ignored)
 * @param activeJobsRetry how long to wait before resubmitting when the platform answers "too many active jobs"
 * @param creditsRecheck  how long inputs of an algorithm that is out of credits wait before one of them is tried
 *                        again (the component's {@code creditsRecheckInterval})
 * @param openJobsCheck   how often each open job of this service is looked up on the platform (a job it no longer
 *                        knows sends its input to {@code .failed/}); the first time this long after submission
 */
public record Tuning(Duration jobPoll, Duration archivePoll, Duration caseSettle, Duration caseGrace,
        Duration jobTimeout, Duration activeJobsRetry, Duration creditsRecheck, Duration openJobsCheck) {

    /** For grand-challenge.org: polls that are polite to a shared platform. */
    public static Tuning forPlatform() {
        return new Tuning(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    /** For the embedded emulator, whose jobs finish in seconds. */
    public static Tuning forEmulator() {
        return new Tuning(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public Tuning withCaseGrace(Duration grace) {
        return new Tuning(jobPoll, archivePoll, caseSettle, grace, jobTimeout, activeJobsRetry, creditsRecheck,
                openJobsCheck);
    }

    public Tuning withJobTimeout(Duration timeout) {
        return new Tuning(jobPoll, archivePoll, caseSettle, caseGrace, timeout, activeJobsRetry, creditsRecheck,
                openJobsCheck);
    }

    public Tuning withCreditsRecheck(Duration recheck) {
        return new Tuning(jobPoll, archivePoll, caseSettle, caseGrace, jobTimeout, activeJobsRetry, recheck,
                openJobsCheck);
    }

    public Tuning withOpenJobsCheck(Duration check) {
        return new Tuning(jobPoll, archivePoll, caseSettle, caseGrace, jobTimeout, activeJobsRetry, creditsRecheck,
                check);
    }
}
