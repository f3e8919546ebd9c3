package io.github.camelgc.app.dropfolder;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadProgressTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aLargeFilePrintsItsStartEveryTenPercentAndItsEnd() {
        UploadProgress progress = new UploadProgress();
        long total = 1000 * MIB;
        List<String> lines = new ArrayList<>();
        for (long sent = 0; sent <= total; sent += 32 * MIB) {
            progress.line("ct.mha", sent, total).ifPresent(lines::add);
        }
        progress.line("ct.mha", total, total).ifPresent(lines::add);

        assertThat(lines).first().isEqualTo("ct.mha: uploading 0% of 1000.0 MiB");
        assertThat(lines).last().isEqualTo("ct.mha: uploading 100% of 1000.0 MiB");
        assertThat(lines).hasSize(11).doesNotHaveDuplicates();
    }

    @Test
    void aReportArrivingLateFromAnotherThreadPrintsNothing() {
        UploadProgress progress = new UploadProgress();
        long total = 100 * MIB;
        progress.line("ct.mha", 0, total);
        assertThat(progress.line("ct.mha", 50 * MIB, total)).hasValue("ct.mha: uploading 50% of 100.0 MiB");
        assertThat(progress.line("ct.mha", 45 * MIB, total)).isEmpty();
    }

    @Test
    void smallFilesPrintNothing() {
        UploadProgress progress = new UploadProgress();
        assertThat(progress.line("small.mha", 0, 10 * MIB)).isEmpty();
        assertThat(progress.line("small.mha", 10 * MIB, 10 * MIB)).isEmpty();
    }
}
