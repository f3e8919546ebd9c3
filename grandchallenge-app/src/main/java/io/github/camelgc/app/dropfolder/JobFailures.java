package io.github.camelgc.app.dropfolder;

import java.time.Duration;

import io.github.camelgc.grandchallenge.model.Job;

/** Words what happened to a job whose input goes to {@code .failed/}, and what to do about it. */
final class JobFailures {

    /** After a job that failed or was given up on: the input itself may be fine. */
    static final String TO_TRY_AGAIN = "To try again, drop the input into the inbox again (a new job is made); fix "
            + "the input first if the reason above says it is at fault.";
    /** After a job the platform no longer knows: nothing is wrong with the input. */
    static final String TO_RUN_AGAIN = "To run it on the platform the service uses now, drop the input into the "
            + "inbox again.";

    private JobFailures() {
    }

    static String describe(Job job) {
        String where = job.url() != null ? " See " + job.url() + " for the algorithm's log." : "";
        if ("Cancelled".equalsIgnoreCase(job.status())) {
            return "Grand Challenge cancelled job " + job.pk() + ". The platform does this when it cannot import an "
                    + "input image: check that the file opens in an image viewer (e.g. 3D Slicer) and is a "
                    + "supported format (.mha, .mhd with its data file, .tif)." + where;
        }
        return "Job " + job.pk() + " ended as " + job.status() + ": the algorithm itself failed on this input."
                + where;
    }

    static String timedOut(Job job, Duration jobTimeout) {
        return "Job " + job.pk() + " did not finish within " + human(jobTimeout) + " (its status is still '"
                + job.status() + "'). The service stopped waiting for it; results that arrive later are ignored. If "
                + "the algorithm is known to be this slow, raise grandchallenge.jobTimeout; otherwise ask the "
                + "algorithm's editors whether it is stuck.";
    }

    static String gone(String jobId) {
        return "Job " + jobId + " no longer exists on the platform: it answers 404 Not Found for it. The platform "
                + "was reset or replaced behind the same address (a test server, an emulator restarted without its "
                + "state, a base URL that now points to another deployment), or the API token now belongs to a user "
                + "who may not see the job. Its results can never be collected.";
    }

    private static String human(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " h"
                : d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
