package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.lobeJobsByInputName;
import static io.github.camelgc.app.reliability.Reliability.smallScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs that fail or never finish: the input ends in {@code .failed/} with a reason a person can act on, the other
 * inputs are not held up, and a job that finishes after it was given up on writes no late results.
 */
class JobOutcomesIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0)
            .jobStepDelay(Duration.ofMillis(300)).build();

    @TempDir
    Path work;

    @Test
    void failedAndNeverFinishingJobsEndInFailedWithAReasonAndLateResultsAreIgnored() throws Exception {
        Tuning tuning = Tuning.forEmulator().withJobTimeout(Duration.ofSeconds(8));
        try (GrandChallengeService service = GrandChallengeService.start(
                AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()), tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            for (String name : List.of("fails", "stuck", "fine")) {
                smallScan(inbox.resolve(name + ".mha"), name.length());
            }
            // every job stops at Executing until this test decides its fate
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                gc.emulator().state().jobs().forEach(j -> gc.emulator().holdJob(j.pk(), JobStatus.EXECUTING));
                return lobeJobsByInputName(gc.emulator()).keySet().containsAll(
                        List.of("fails.mha", "stuck.mha", "fine.mha"));
            });
            Map<String, List<Job>> jobs = lobeJobsByInputName(gc.emulator());
            gc.emulator().failJob(jobs.get("fails.mha").get(0).pk());
            gc.emulator().holdJob(jobs.get("fine.mha").get(0).pk(), null);

            Path failed = inbox.resolve(".failed");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(failed.resolve("fails.mha.error.txt"))
                    && Files.exists(failed.resolve("stuck.mha.error.txt"))
                    && Files.exists(outbox.resolve("fine_lobes.mha")));
            assertThat(Files.readString(failed.resolve("fails.mha.error.txt"))).contains("Failed")
                    .doesNotContain("Exception", "\tat ");
            String stuck = Files.readString(failed.resolve("stuck.mha.error.txt"));
            assertThat(stuck).contains("did not finish within 8 s", "Executing", "grandchallenge.jobTimeout");
            assertThat(inbox.resolve(".done/stuck.mha")).doesNotExist();

            // the stuck job finishes after all: its results must not appear next to an input reported as failed
            Job late = jobs.get("stuck.mha").get(0);
            gc.emulator().holdJob(late.pk(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> late.status() == JobStatus.SUCCEEDED);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> !Files.exists(outbox.resolve("stuck_lobes.mha")));
            assertThat(Reliability.errorFiles(work)).doesNotContain(gc.token("demo"));
            assertThat(service.camelContext().getRouteController().getRouteStatus("segment-lobes-submit").isStarted())
                    .as("the service keeps going").isTrue();
        }
    }
}
