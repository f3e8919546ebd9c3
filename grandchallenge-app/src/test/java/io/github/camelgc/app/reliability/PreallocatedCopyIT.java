package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.smallScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file copied into the inbox the way some copy tools and network shares do it: created at its full size, then
 * filled, with a pause mid-copy. Size and time stop changing during the pause, so the read lock takes it; the content
 * must tell. A compressed scan's zlib stream does not end (zeros follow the written part): it waits, nothing is
 * uploaded, and it is processed once complete (or refused, with that reason, when it stays so). Raw pixel data
 * padded with zeros cannot be told from real zeros: with {@code grandchallenge.inbox.readyMarker=true} a file is not
 * even looked at until its {@code .ready} marker appears, and the marker is used up with it.
 */
class PreallocatedCopyIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path work;

    @Test
    void aCompressedScanCreatedAtFullSizeAndPausedMidCopyWaitsAndIsProcessedOnceComplete() throws Exception {
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                        Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            byte[] scan = compressedScan(work.resolve("source.mha"), 5);
            long uploadsBefore = uploads();

            // created at full size, half written, then the copy pauses
            Path copy = inbox.resolve("paused.mha");
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.setLength(scan.length);
                file.write(scan, 0, scan.length / 2);
            }
            // one that never completed: it stopped an hour ago
            Path stopped = inbox.resolve("stopped.mha");
            try (RandomAccessFile file = new RandomAccessFile(stopped.toFile(), "rw")) {
                file.setLength(scan.length);
                file.write(scan, 0, scan.length / 2);
            }
            Files.setLastModifiedTime(stopped, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".failed/stopped.mha")));
            // the paused copy is looked at several times meanwhile (taken after 2 s unchanged, then after pauses)
            await().atMost(Duration.ofSeconds(20)).until(() -> !logs.consoleLines("paused.mha: not complete").isEmpty());
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertThat(uploads() - uploadsBefore).as("nothing uploaded while the copy is paused").isZero();
            assertThat(copy).as("the paused copy keeps its place").exists();
            assertThat(inbox.resolve(".failed/paused.mha")).doesNotExist();
            assertThat(logs.consoleLines("paused.mha: not complete")).as("said once").singleElement().asString()
                    .contains("ends in zeros", "checked again");
            assertThat(Files.readString(inbox.resolve(".failed/stopped.mha.error.txt")))
                    .startsWith("'stopped.mha' was not completely written").contains("zeros", "full size")
                    .contains("To try again, copy the complete file into the inbox again.");

            // the copy resumes and completes
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.seek(scan.length / 2);
                file.write(scan, scan.length / 2, scan.length - scan.length / 2);
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> Reliability.allComplete(inbox, outbox,
                    List.of("paused")));
            assertThat(Reliability.lobeJobsByInputName(gc.emulator())).as("one job, for the completed copy only")
                    .containsOnlyKeys("paused.mha").allSatisfy((name, jobs) -> assertThat(jobs).hasSize(1));
            assertThat(MetaImageReader.read(outbox.resolve("paused_lobes.mha")).elementCount())
                    .isEqualTo(32L * 32 * 16);
            assertThat(uploads() - uploadsBefore).as("uploaded once, complete").isEqualTo(1);
            assertThat(logs.stackTraceLines()).isEmpty();
        } finally {
            Reliability.keepLog(work, "preallocated");
        }
    }

    @Test
    void withReadyMarkersARawScanIsUntouchedUntilItsMarkerAppears() throws Exception {
        AppSettings settings = AppSettings.resolve(Map.of(AppSettings.READY_MARKER_ENV, "true")).withWorkDir(work);
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(settings,
                        EmbeddedPlatform.of(gc.emulator()), Tuning.forEmulator().withCaseGrace(Duration.ofSeconds(3)))) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            byte[] scan = Files.readAllBytes(smallScan(work.resolve("source.mha"), 6));
            long uploadsBefore = uploads();

            // raw pixel data, created at full size and half written: complete in size, zeros where not yet copied
            Path copy = inbox.resolve("raw.mha");
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.setLength(scan.length);
                file.write(scan, 0, scan.length / 2);
            }
            // waits for its marker: said once, after the grace period
            await().atMost(Duration.ofSeconds(15)).until(() -> !logs.consoleLines("raw.mha: waits for its marker")
                    .isEmpty());
            assertThat(logs.consoleLines("raw.mha: picked up")).as("not even picked up").isEmpty();
            assertThat(uploads() - uploadsBefore).isZero();
            assertThat(copy).exists();

            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.seek(scan.length / 2);
                file.write(scan, scan.length / 2, scan.length - scan.length / 2);
            }
            Files.createFile(inbox.resolve("raw.mha.ready"));
            await().atMost(Duration.ofSeconds(40)).until(() -> Reliability.allComplete(inbox, outbox, List.of("raw")));
            Reliability.assertExactlyOnce(gc.emulator(), inbox, outbox, List.of("raw"));
            assertThat(MetaImageReader.read(inbox.resolve(".done/raw.mha")).data())
                    .isEqualTo(MetaImageReader.read(work.resolve("source.mha")).data());
            assertThat(inbox.resolve("raw.mha.ready")).as("the marker is used up with the file").doesNotExist();
            assertThat(logs.consoleLines("raw.mha: waits for its marker")).as("said once").hasSize(1);
        } finally {
            Reliability.keepLog(work, "ready-marker");
        }
    }

    private static byte[] compressedScan(Path file, int seed) throws Exception {
        var image = MetaImageReader.read(smallScan(file.resolveSibling("raw-" + file.getFileName()), seed));
        MetaImageWriter.write(file, image.withHeader(image.header().toBuilder().compressed(true).build()));
        return Files.readAllBytes(file);
    }

    private static long uploads() {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().equals("/api/v1/uploads/"));
    }
}
