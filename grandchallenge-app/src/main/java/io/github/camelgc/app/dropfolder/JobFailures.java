package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.model.Job;

/** Words a job that ended {@code Failed} or {@code Cancelled}. */
final class JobFailures {

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
}
