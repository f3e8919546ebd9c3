package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.allComplete;
import static io.github.camelgc.app.reliability.Reliability.assertExactlyOnce;
import static io.github.camelgc.app.reliability.Reliability.dropScans;
import static io.github.camelgc.app.reliability.Reliability.errorFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service killed hard ({@code Process.destroyForcibly()}, SIGKILL: no shutdown hook, no finally block) at each
 * stage of a submission and of a result download, then started again on the same work folder: every input ends with
 * exactly one result set, the platform holds exactly one job per input, no partial file under a final name.
 */
class CrashRestartIT {

    private static final int FILES = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int KILL_LOOPS = Reliability.heavy() ? 5 : 1;

    /** No archive cases: the archive workflow must not take the held answers meant for the drop folder. */
    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path temp;

    private static volatile long jobsBefore;
    private Process process;

    @AfterEach
    void cleanUp() {
        gc.faults().clear();
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Where to hold the platform's answer, and how to see that the service is stuck right there. */
    record Stage(FaultRule.Builder hold, BooleanSupplier reached) {
    }

    static Stream<Arguments> stages() {
        return Stream.of(
                stage("while uploading (part PUT in flight)",
                        FaultRule.matching("PUT", "/storage/uploads/*").latency(Duration.ofSeconds(20)),
                        () -> gc.requestLog().count(e -> e.path().endsWith("/generate-presigned-urls/")) > 0),
                stage("after the job was created, before the input moved to .done/",
                        FaultRule.matching("POST", "/api/v1/algorithms/jobs/").answerDelay(Duration.ofSeconds(20)),
                        () -> Reliability.lobeJobs(gc.emulator()) > jobsBefore),
                stage("while downloading outputs",
                        FaultRule.matching("GET", "/storage/objects/*").latency(Duration.ofSeconds(20)),
                        () -> gc.requestLog().count(e -> e.path().startsWith("/media/images/")) > 0));
    }

    private static Arguments stage(String name, FaultRule.Builder hold, BooleanSupplier reached) {
        return Arguments.of(Named.of(name, new Stage(hold, reached)));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("stages")
    void killedHardThenRestarted(Stage stage) throws Exception {
        for (int loop = 0; loop < KILL_LOOPS; loop++) {
            gc.emulator().requestLog().clear();
            jobsBefore = Reliability.lobeJobs(gc.emulator());
            Path work = Files.createDirectories(temp.resolve("work" + loop));
            WorkFolders folders = new WorkFolders(work).create();
            Path inbox = folders.inbox(WorkFolders.LOBES);
            Path outbox = folders.outbox(WorkFolders.LOBES);
            List<String> names = dropScans(inbox, "k" + loop + "-" + Long.toString(System.nanoTime() % 100_000, 36)
                    + "-", FILES);

            gc.faults().add(stage.hold().build());
            process = startServiceProcess(work);
            await().atMost(TIMEOUT).until(stage.reached()::getAsBoolean);
            process.destroyForcibly().waitFor();
            gc.faults().clear();
            assertThat(Files.readString(temp.resolve("service.out"))).as("the service process ran")
                    .contains("SERVICE STARTED").doesNotContain(gc.token("demo"));

            try (GrandChallengeService service = GrandChallengeService.start(
                    AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                    Tuning.forEmulator())) {
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> allComplete(inbox, outbox, names) || errorFiles(inbox).length() > 0);
                assertThat(errorFiles(work)).as("no input failed").isEmpty();
                assertExactlyOnce(gc.emulator(), inbox, outbox, names);
            }
        }
    }

    private Process startServiceProcess(Path work) throws Exception {
        Path trustStore = temp.resolve("emulator-trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("emulator", gc.emulator().trustStore()
                .getCertificate(gc.emulator().trustStore().aliases().nextElement()));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "changeit".toCharArray());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
                "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(), work.toString());
        builder.environment().put(AppSettings.BASE_URL_ENV, gc.baseUrl());
        builder.environment().put(AppSettings.TOKEN_ENV, gc.token("demo"));
        builder.redirectErrorStream(true).redirectOutput(temp.resolve("service.out").toFile());
        return builder.start();
    }
}
