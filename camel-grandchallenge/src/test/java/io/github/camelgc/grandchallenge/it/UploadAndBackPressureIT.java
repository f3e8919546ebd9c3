package io.github.camelgc.grandchallenge.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
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
        List<long[]> progress = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("progress", (UploadProgressListener) (name, uploaded, total) -> {
            assertThat(name).isEqualTo("large.mha");
            progress.add(new long[] {uploaded, total});
        });
        Job job = template.requestBody("grandchallenge:job?uploadPartSize=" + 5 * MIB + "&uploadConcurrency=3"
                                       + "&uploadProgressListener=#progress&algorithm=" + platform.algorithm(),
                large.toFile(), Job.class);
        assertThat(job.pk()).isNotBlank();
        platform.assertPartPuts(4); // ceil(17 MiB / 5 MiB)
        platform.assertCount("PATCH", "/complete-multipart-upload/", 1);

        long size = Files.size(large);
        assertThat(progress).as("a start notice and one per part").hasSize(5).allMatch(p -> p[1] == size);
        // parts finish in any order, so the running totals differ between runs; they start at 0 and end at the size
        long[] totals = progress.stream().mapToLong(p -> p[0]).sorted().toArray();
        assertThat(totals).doesNotHaveDuplicates().startsWith(0).endsWith(size);
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
