package io.github.camelgc.grandchallenge.it;

import java.util.Map;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.grandchallenge.model.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job POST that fails ambiguously is not blindly repeated: the jobs created since are looked up first. */
class SubmissionRecoveryIT extends EmulatorTestSupport {

    @AfterEach
    void clearFaults() {
        GC.faults().clear();
    }

    @Test
    void aGatewayErrorOnJobCreationIsCheckedThenResubmittedOnce() {
        platform.clearRequests();
        GC.faults().add(FaultRule.matching("POST", "/api/v1/algorithms/jobs/").times(1).status(502).build());
        Job job = template.requestBody("grandchallenge:job?algorithm=" + platform.multiAlgorithm(),
                Map.of("patient-height", 171.5), Job.class);

        assertThat(job.pk()).isNotBlank();
        platform.assertCount("POST", "/api/v1/algorithms/jobs/", 2);
        assertThat(platform.count("GET", "/api/v1/algorithms/jobs/")).as("looked for a job the first POST created")
                .isGreaterThanOrEqualTo(2);
        assertThat(GC.state().jobs()).filteredOn(j -> j.pk().equals(job.pk())).hasSize(1);
    }

    @Test
    void aResponseLostAfterTheJobWasCreatedAdoptsThatJobInsteadOfPostingAgain() {
        platform.clearRequests();
        int jobsBefore = GC.state().jobs().size();
        // the emulator creates the job, then cuts the connection halfway through the answer
        GC.faults().add(FaultRule.matching("POST", "/api/v1/algorithms/jobs/").times(1).dropConnection().build());
        Job job = template.requestBody("grandchallenge:job?algorithm=" + platform.multiAlgorithm(),
                Map.of("patient-height", 172.5), Job.class);

        assertThat(job.pk()).isNotBlank();
        platform.assertCount("POST", "/api/v1/algorithms/jobs/", 1);
        assertThat(GC.state().jobs()).hasSize(jobsBefore + 1).anyMatch(j -> j.pk().equals(job.pk()));
    }
}
