package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.allComplete;
import static io.github.camelgc.app.reliability.Reliability.assertExactlyOnce;
import static io.github.camelgc.app.reliability.Reliability.dropScans;
import static io.github.camelgc.app.reliability.Reliability.lobeJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeProducerHealthCheck;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50-scan drop with credits for 20 jobs: 20 complete, 30 wait in the inbox (none failed, nothing uploaded for them
 * while they wait), the console says so once and the health check reports it; once credits are back all 50 complete
 * without anyone doing anything, one job each.
 */
class OutOfCreditsIT {

    private static final int SCANS = 50;
    private static final int AFFORDABLE = 20;
    private static final Duration RECHECK = Duration.ofSeconds(2);

    @RegisterExtension
    // a default job costs 20 credits; no archive images, so only the dropped scans spend them; no active-jobs limit
    // in the way, so the scans are submitted one after the other and exactly 20 are in .done/ when credits run out
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0)
            .credits("demo", AFFORDABLE * 20).maxActiveJobsPerUser(SCANS).build();

    @TempDir
    Path work;

    @Test
    void aFiftyScanDropLosesNothingFailsNothingAndResumesByItselfWhenCreditsAreBack() throws Exception {
        Tuning tuning = Tuning.forEmulator().withCreditsRecheck(RECHECK);
        boolean passed = false;
        try (Reliability.LogCapture log = new Reliability.LogCapture(work.resolve("service.log"));
             GrandChallengeService service = GrandChallengeService.start(
                     AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()), tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            List<String> names = dropScans(inbox, "s", SCANS);

            await().atMost(Duration.ofSeconds(60)).until(() -> results(outbox) == AFFORDABLE
                    && !console(log, "out of credits").isEmpty());
            // the waiting scans' turn comes at each check: let two checks pass
            long refusals = jobPosts(400);
            await().atMost(RECHECK.multipliedBy(4)).until(() -> jobPosts(400) >= refusals + 2);

            assertThat(lobeJobs(gc.emulator())).as("jobs the credits paid for").isEqualTo(AFFORDABLE);
            assertThat(visible(inbox)).as("waiting in the inbox").hasSize(SCANS - AFFORDABLE);
            assertThat(inbox.resolve(".failed")).as("nothing failed").doesNotExist();
            assertThat(uploads()).as("the refused post's upload; none while waiting").isEqualTo(AFFORDABLE + 1);
            assertThat(console(log, "out of credits")).as("said once").singleElement().asString()
                    .contains("pulmonary-lobe-segmentation: the account is out of credits for this algorithm")
                    .contains("30 inputs wait in inbox/pulmonary-lobe-segmentation/", "none is failed")
                    .contains("rolling month", "editors", "resumes by itself", "creditsRecheckInterval");
            assertThat(console(log, "temporary problem")).as("no line per scan or retry").isEmpty();
            HealthCheck.Result health = health(service);
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getMessage().orElse("")).contains("out of credits for algorithm "
                    + "'pulmonary-lobe-segmentation'");

            gc.setCredits("demo", 2000);
            await("resumed within the check interval").atMost(RECHECK.plusSeconds(3))
                    .until(() -> !console(log, "available again").isEmpty());
            await().atMost(Duration.ofSeconds(90)).until(() -> allComplete(inbox, outbox, names));

            assertExactlyOnce(gc.emulator(), inbox, outbox, names);
            assertThat(console(log, "available again")).singleElement().asString()
                    .contains("pulmonary-lobe-segmentation: credits are available again")
                    .contains("submitting the 30 inputs waiting in inbox/pulmonary-lobe-segmentation/");
            assertThat(console(log, "out of credits")).as("still said once").hasSize(1);
            assertThat(uploads()).as("one upload per scan, plus the refused one").isEqualTo(SCANS + 1);
            assertThat(health(service).getState()).isEqualTo(HealthCheck.State.UP);
            passed = true;
        } finally {
            if (!passed) {
                Reliability.keepLog(work, "out-of-credits");
            }
        }
    }

    /** The service's console lines (logger "grandchallenge") that contain {@code text}. */
    private static List<String> console(Reliability.LogCapture log, String text) {
        return log.text().lines().filter(line -> line.startsWith("grandchallenge ") && line.contains(text)).toList();
    }

    /** The readiness check of the lobe workflow's submitting producer, as Camel would register it. */
    private static HealthCheck.Result health(GrandChallengeService service) {
        GrandChallengeEndpoint submit = service.camelContext().getEndpoints().stream()
                .filter(e -> e instanceof GrandChallengeEndpoint).map(e -> (GrandChallengeEndpoint) e)
                .filter(e -> "generic-medical-image".equals(e.getConfiguration().getInput())).findFirst().orElseThrow();
        GrandChallengeProducerHealthCheck check = new GrandChallengeProducerHealthCheck(submit,
                "grandchallenge:segment-lobes-submit");
        check.setCamelContext(service.camelContext());
        return check.callReadiness();
    }

    private static long results(Path outbox) throws Exception {
        return visible(outbox).stream().filter(p -> p.getFileName().toString().endsWith("_lungs.mha")).count();
    }

    private static long jobPosts(int status) {
        return gc.requestLog().count(e -> isJobPost(e) && e.status() == status);
    }

    private static boolean isJobPost(RequestLog.Entry e) {
        return "POST".equals(e.method()) && e.path().endsWith("/algorithms/jobs/");
    }

    private static long uploads() {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().endsWith("/uploads/")
                && e.status() == 201);
    }

    private static List<Path> visible(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
