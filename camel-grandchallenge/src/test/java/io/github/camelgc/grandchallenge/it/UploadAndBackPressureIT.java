package io.github.camelgc.grandchallenge.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelgc.grandchallenge.model.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A job input larger than several parts, and the 16-active-jobs limit handled as back-pressure. */
class UploadAndBackPressureIT extends EmulatorTestSupport {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aJobInputOfSeveralPartsIsUploadedInParallelParts() throws Exception {
        Path large = TestImages.writeMha(dir.resolve("large.mha"), 17 * MIB);
        platform.clearRequests();
        Job job = template.requestBody("grandchallenge:job?uploadPartSize=" + 5 * MIB + "&uploadConcurrency=3"
                                       + "&algorithm=" + platform.algorithm(), large.toFile(), Job.class);
        assertThat(job.pk()).isNotBlank();
        platform.assertPartPuts(4); // ceil(17 MiB / 5 MiB)
        platform.assertCount("PATCH", "/complete-multipart-upload/", 1);
    }

    @Test
    void twentyJobsInARowJustWorkDespiteTheLimitOfSixteenActiveJobs() {
        platform.clearRequests();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(template.requestBody("grandchallenge:job?activeJobsRetryDelay=200&algorithm=slow-algorithm",
                    Map.of("patient-height", 160 + i), Job.class).pk());
        }
        assertThat(jobs).doesNotHaveDuplicates().hasSize(20);
        assertThat(platform.tooManyJobsRejections()).as("the limit was hit and waited out").isPositive();
    }
}
