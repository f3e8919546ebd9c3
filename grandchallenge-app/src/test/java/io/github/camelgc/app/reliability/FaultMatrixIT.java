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
import java.util.stream.Stream;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drop-folder service with many files in flight against the emulator's fault rules, one stage of the workflow
 * at a time: every input ends with exactly one result set, one job on the platform, nothing partial, nothing failed,
 * and the token appears in no log line and no error file. Each scenario asserts that its faults really happened.
 */
class FaultMatrixIT {

    static final int FILES = Reliability.heavy() ? 100 : 8;
    private static final Duration TIMEOUT = Duration.ofMinutes(Reliability.heavy() ? 15 : 3);

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path work;

    @AfterEach
    void clearFaults() {
        gc.faults().clear();
        gc.emulator().resume();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                scenario("list/detail GETs: 429 bursts with Retry-After, 502, 503, 504, dropped, 500",
                        FaultRule.matching("*", "/api/v1/*").times(12).status(429).retryAfter("1"),
                        FaultRule.matching("GET", "/api/v1/algorithms/jobs/").times(2).status(502),
                        // (job details are not read any more: the consumer's job is used as it is)
                        FaultRule.matching("GET", "/api/v1/algorithms/").times(2).status(503),
                        FaultRule.matching("GET", "/api/v1/cases/images/{pk}/").times(2).status(504),
                        FaultRule.matching("GET", "/api/v1/algorithms/jobs/").times(2).dropConnection(),
                        FaultRule.matching("GET", "/api/v1/cases/images/{pk}/").times(2).dropConnection(),
                        FaultRule.matching("GET", "/api/v1/algorithms/jobs/").times(2).status(500),
                        FaultRule.matching("GET", "/api/v1/cases/images/{pk}/").times(2).status(500)),
                scenario("uploads: create/presign/complete 429, 502, 503, 504, dropped; part PUTs dropped, 503",
                        FaultRule.matching("POST", "/api/v1/uploads/").times(2).status(503).retryAfter("1"),
                        FaultRule.matching("POST", "/api/v1/uploads/").times(1).status(429),
                        FaultRule.matching("POST", "/api/v1/uploads/").times(1).dropConnection(),
                        FaultRule.matching("PATCH", "/api/v1/uploads/{pk}/{uploadId}/generate-presigned-urls/")
                                .times(2).status(502),
                        FaultRule.matching("PATCH", "/api/v1/uploads/{pk}/{uploadId}/generate-presigned-urls/")
                                .times(1).dropConnection(),
                        FaultRule.matching("PATCH", "/api/v1/uploads/{pk}/{uploadId}/complete-multipart-upload/")
                                .times(2).status(504),
                        FaultRule.matching("PATCH", "/api/v1/uploads/{pk}/{uploadId}/complete-multipart-upload/")
                                .times(1).dropConnection(),
                        FaultRule.matching("PUT", "/storage/uploads/*").times(2).dropConnection(),
                        FaultRule.matching("PUT", "/storage/uploads/*").times(2).status(503)),
                scenario("job creation POST: lost answer, 502, 500 (ambiguous: looked up, never blindly re-posted)",
                        FaultRule.matching("POST", "/api/v1/algorithms/jobs/").times(2).dropConnection(),
                        FaultRule.matching("POST", "/api/v1/algorithms/jobs/").times(1).status(502),
                        FaultRule.matching("POST", "/api/v1/algorithms/jobs/").times(1).status(500)),
                scenario("output downloads: dropped mid-body, 502/503 on the redirect",
                        FaultRule.matching("GET", "/storage/objects/*").times(4).dropConnection(),
                        FaultRule.matching("GET", "/media/*").times(2).status(503),
                        FaultRule.matching("GET", "/media/*").times(1).status(502)))
                .filter(FaultMatrixIT::selected);
    }

    private static Arguments scenario(String name, FaultRule.Builder... rules) {
        return Arguments.of(Named.of(name, List.of(rules)));
    }

    /** {@code -Dreliability.only=<part of a scenario name>} runs only the matching scenarios (for debugging). */
    private static boolean selected(Arguments scenario) {
        String only = System.getProperty("reliability.only");
        return only == null || ((Named<?>) scenario.get()[0]).getName().contains(only);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyInputEndsWithExactlyOneResultSet(List<FaultRule.Builder> rules) throws Exception {
        List<FaultRule> added = rules.stream().map(r -> gc.faults().add(r.build())).toList();
        runAndCheck("f", () -> {
        });
        for (FaultRule rule : added) {
            assertThat(rule.remaining()).as("the fault %s really happened", rule).isZero();
        }
    }

    @Test
    void thePlatformUnreachableForAWhileThenRestartedWithItsState() throws Exception {
        runAndCheck("u", () -> {
            // down once the first jobs exist: uploads, submissions and result polls all hit the outage
            long before = Reliability.lobeJobs(gc.emulator());
            await().atMost(TIMEOUT).until(() -> Reliability.lobeJobs(gc.emulator()) >= before + 2);
            gc.emulator().pause();
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
            gc.emulator().resume();
            await().atMost(TIMEOUT).until(() -> Reliability.lobeJobs(gc.emulator()) >= before + 5);
            gc.emulator().restart();
        });
    }

    /** Starts the service, drops the files, runs the disturbance, and checks the outcome and the token. */
    private void runAndCheck(String prefix, Runnable disturbance) throws Exception {
        String token = gc.token("demo");
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"));
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                        Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            String unique = prefix + Long.toString(System.nanoTime() % 100_000, 36) + "-";
            List<String> names = dropScans(inbox, unique, FILES);
            disturbance.run();

            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> allComplete(inbox, outbox, names) || errorFiles(inbox).length() > 0);
            assertThat(errorFiles(work)).as("no input failed").isEmpty();
            assertExactlyOnce(gc.emulator(), inbox, outbox, names);
            assertThat(logs.serviceSide()).as("every logger at TRACE").isNotEmpty().doesNotContain(token)
                    .contains("org.apache.hc.client5.http.headers");
        } finally {
            Reliability.keepLog(work, prefix);
        }
    }
}
