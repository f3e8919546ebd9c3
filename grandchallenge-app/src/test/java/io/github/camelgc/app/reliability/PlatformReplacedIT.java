package io.github.camelgc.app.reliability;

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
import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform behind the service's base URL is replaced while jobs are open (a test server reset, an emulator
 * restarted without its state): the jobs this service submitted now answer 404. Their inputs are resolved at once
 * with a true reason ({@code .failed/}: the job no longer exists, drop the input again), not after the job timeout
 * and not with a timeout's reason; an input dropped again is processed on the new platform exactly once.
 * <p>
 * Why {@code .failed/} and not back into the inbox: a 404 may also mean the token now belongs to another user, and
 * submitting again would then make a second job of the same input elsewhere; the operator decides.
 */
class PlatformReplacedIT {

    @TempDir
    Path work;

    @Test
    void jobsThatAnswer404AreResolvedAtOnceWithTheTrueReason() throws Exception {
        Path keystore = work.resolve("tls.p12");
        Tuning tuning = Tuning.forEmulator().withOpenJobsCheck(Duration.ofSeconds(2));
        // jobs that take minutes: they are still open when the platform is replaced
        GrandChallengeEmulator first = GrandChallengeEmulator.start(EmulatorConfig.defaults().keystore(keystore)
                .phantomCases(0).jobStepDelay(Duration.ofMinutes(1)));
        int port = first.httpsPort();
        GrandChallengeEmulator second = null;
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work.resolve("work")), EmbeddedPlatform.of(first),
                        tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            smallScan(inbox.resolve("open-1.mha"), 1);
            smallScan(inbox.resolve("open-2.mha"), 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".done/open-1.mha"))
                    && Files.exists(inbox.resolve(".done/open-2.mha")));

            // the same address, a platform that never saw those jobs
            first.close();
            second = GrandChallengeEmulator.start(EmulatorConfig.defaults().httpsPort(port).keystore(keystore)
                    .phantomCases(0));
            Path failed = inbox.resolve(".failed");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(failed.resolve("open-1.mha.error.txt"))
                    && Files.exists(failed.resolve("open-2.mha.error.txt")));
            for (String name : List.of("open-1.mha", "open-2.mha")) {
                List<String> lines = Files.readAllLines(failed.resolve(name + ".error.txt"));
                assertThat(lines.get(0)).as(name).contains("no longer exists on the platform", "404")
                        .doesNotContain("did not finish within");
                assertThat(lines.get(lines.size() - 1))
                        .isEqualTo("To run it on the platform the service uses now, drop the input into the inbox again.");
                assertThat(logs.consoleLines(name + ": failed")).as("said once").hasSize(1);
            }

            // the operator drops one of them again: it runs on the new platform, once
            Files.move(failed.resolve("open-1.mha"), inbox.resolve("open-1.mha"));
            await().atMost(Duration.ofSeconds(40)).until(() -> Files.exists(outbox.resolve("open-1_lobes.mha"))
                    && Files.exists(outbox.resolve("open-1_lungs.mha")));
            assertThat(Reliability.lobeJobsByInputName(second)).containsOnlyKeys("open-1.mha")
                    .allSatisfy((name, jobs) -> assertThat(jobs).hasSize(1));
            assertThat(logs.stackTraceLines()).isEmpty();
        } finally {
            Reliability.keepLog(work, "platform-replaced");
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
