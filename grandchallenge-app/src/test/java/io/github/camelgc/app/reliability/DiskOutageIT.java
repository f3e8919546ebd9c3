package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.smallScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.dropfolder.DropFolder;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.MetaImageReader;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own disk refuses the moves: {@code .done/} and {@code .failed/} cannot be created (a regular file stands where
 * each folder must be; the tests run as root, so permissions would not stop a write). While that lasts, each input
 * keeps its place and the console says so once per input, without a stack trace; a scan whose job succeeded
 * meanwhile is never reported failed, its results are written, and once the obstacle is gone it moves to
 * {@code .done/} adopting its job (no second one); a bad drop gets its reason in {@code .failed/}.
 */
class DiskOutageIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path work;

    @Test
    void whileDoneAndFailedCannotBeWrittenInputsKeepTheirPlaceAndGetTheirFateOnceTheDiskIsBack() throws Exception {
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                        Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            Path doneObstacle = Files.writeString(inbox.resolve(".done"), "in the way");
            Path failedObstacle = Files.writeString(inbox.resolve(".failed"), "in the way");
            smallScan(inbox.resolve("good.mha"), 1);
            Path temp = Files.writeString(work.resolve("bad.mha"), "not a scan\n", StandardCharsets.UTF_8);
            Files.move(temp, inbox.resolve("bad.mha"));

            // the job succeeds and its results are written while its input cannot move to .done/
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outbox.resolve("good_lobes.mha")));
            // several tries of both inputs (the pauses grow: 1, 2, 4, 8 s)
            await().atMost(Duration.ofSeconds(30)).until(() -> logs.text().lines()
                    .filter(l -> l.contains("adopting it instead of posting again")).count() >= 2);
            assertThat(inbox.resolve("good.mha")).as("the scan keeps its place").exists();
            assertThat(inbox.resolve("bad.mha")).as("the bad drop keeps its place").exists();
            assertThat(logs.consoleLines("good.mha: temporary problem")).as("said once, not per try").hasSize(1)
                    .allMatch(l -> l.contains("cannot move it to .done/"));
            assertThat(logs.consoleLines("bad.mha: cannot write its reason into .failed/")).as("said once").hasSize(1);
            assertThat(logs.consoleLines("picked up")).as("each input's pick-up said once").hasSize(2);
            assertThat(logs.stackTraceLines()).as("no stack traces").isEmpty();
            assertThat(logs.consoleLines("cannot")).as("reasons without the work folder's path")
                    .noneMatch(line -> line.contains(work.toString()));

            Files.delete(doneObstacle);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".done/good.mha")));
            Files.delete(failedObstacle);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".failed/bad.mha.error.txt")));

            assertThat(Files.readString(inbox.resolve(".failed/bad.mha.error.txt")))
                    .startsWith("'bad.mha' is not a MetaImage").contains("convert");
            assertThat(inbox.resolve(".failed/good.mha")).as("a scan whose job succeeded never fails").doesNotExist();
            assertThat(logs.consoleLines("good.mha: failed")).isEmpty();
            assertThat(Reliability.lobeJobsByInputName(gc.emulator()).get("good.mha")).as("one job, adopted")
                    .hasSize(1);
            assertThat(logs.consoleLines("good.mha: job ")).singleElement().asString()
                    .contains("already existed (Succeeded), input moved to .done/");
            DropFolder dropFolder = service.camelContext().getRegistry().lookupByNameAndType("dropFolder",
                    DropFolder.class);
            assertThat(dropFolder.openJobs()).as("no job is left open (its outcome was dealt with)").isEmpty();
            assertThat(MetaImageReader.read(outbox.resolve("good_lobes.mha")).elementCount()).isEqualTo(32L * 32 * 16);
            assertThat(logs.stackTraceLines()).as("no stack traces").isEmpty();
        } finally {
            Reliability.keepLog(work, "disk-outage");
        }
    }
}
