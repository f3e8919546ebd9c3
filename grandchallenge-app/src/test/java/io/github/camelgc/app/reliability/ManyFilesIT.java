package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.allComplete;
import static io.github.camelgc.app.reliability.Reliability.assertExactlyOnce;
import static io.github.camelgc.app.reliability.Reliability.dropScans;
import static io.github.camelgc.app.reliability.Reliability.errorFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 scans dropped at once (1000 with {@code -Dreliability.heavy=true}) against the platform's 16-active-jobs limit:
 * all complete, none fails for the limit, one job and one result set each.
 */
class ManyFilesIT {

    private static final int FILES = Reliability.heavy() ? 1000 : 200;

    @RegisterExtension
    // more jobs than the platform's 50 a month: this test is about many files at once, not about credits
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0)
            .credits("demo", 1_000_000)
            .maxActiveJobsPerUser(16).build();

    @TempDir
    Path work;

    @Test
    void allScansDroppedAtOnceComplete() throws Exception {
        try (GrandChallengeService service = GrandChallengeService.start(
                AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            List<String> names = dropScans(inbox, "m", FILES);

            await().atMost(Duration.ofMinutes(Reliability.heavy() ? 30 : 6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> allComplete(inbox, outbox, names) || errorFiles(inbox).length() > 0);
            assertThat(errorFiles(work)).as("none failed, not for the limit either").isEmpty();
            assertExactlyOnce(gc.emulator(), inbox, outbox, names);
            long refused = gc.requestLog().count(e -> "POST".equals(e.method())
                    && e.path().endsWith("/algorithms/jobs/") && e.status() == 400);
            // with zero step delays the emulator usually keeps up; UploadAndBackPressureIT (component) and the
            // heavy variant are where the limit is certain to bite
            long jobCounts = gc.requestLog().count(e -> "GET".equals(e.method())
                    && e.path().endsWith("/algorithms/jobs/") && e.hasParameter("limit", "1"));
            long requests = gc.requestLog().entries().size();
            System.out.printf("RELIABILITY many-files: %d files, %d answers 'too many active jobs', %.2f job counts"
                              + " and %.2f API requests per scan%n", FILES, refused, jobCounts / (double) FILES,
                    requests / (double) FILES);
            assertThat(jobCounts).as("at most one job-count request per dropped scan").isLessThanOrEqualTo(FILES);
            assertThat(requests).as("at most 10 API requests per scan end to end, polling included")
                    .isLessThanOrEqualTo(10L * FILES);
        }
    }
}
