package io.github.camelgc.app.workflows;

import java.nio.file.Path;

import io.github.camelgc.app.dropfolder.DropFolder;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import org.apache.camel.Exchange;

/**
 * Names the outputs of a multi-input job after the case folder it was submitted for. The input images' own names
 * ({@code fixed-image.mha}, ...) are the same in every case, so the case comes from the job ledger.
 */
public class CaseNames {

    /** Header set by {@link #nameOutputs}: the case folder name (or the job id for jobs submitted elsewhere). */
    public static final String CASE = "GrandChallengeCase";

    private final DropFolder dropFolder;

    public CaseNames(DropFolder dropFolder) {
        this.dropFolder = dropFolder;
    }

    public void nameOutputs(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        String name = dropFolder.inputOf(jobId).map(Path::getFileName).map(Path::toString).orElse(jobId);
        exchange.getMessage().setHeader(CASE, SafeNames.segment(name, SafeNames.segment(jobId, "job")));
    }
}
