package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad drops end in .failed/ with a reason a person can act on, and nothing reaches the platform. */
class DropFolderFailuresIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path work;

    @Test
    void nonImageEmptyAndTruncatedScansAndAnIncompleteCaseFailWithReasons() throws Exception {
        long uploadsBefore = uploads();
        AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
        Tuning tuning = Tuning.forEmulator().withCaseGrace(Duration.ofSeconds(3));
        try (GrandChallengeService service = GrandChallengeService.start(settings,
                EmbeddedPlatform.of(gc.emulator()), tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Files.writeString(inbox.resolve("notes.txt"), "not a scan");
            Files.createFile(inbox.resolve("empty.mha"));
            Path whole = smallScan(work.resolve("whole.mha"));
            byte[] bytes = Files.readAllBytes(whole);
            Files.write(inbox.resolve("truncated.mha"), Arrays.copyOf(bytes, bytes.length - 100));
            Path incomplete = Files.createDirectories(service.folders().inbox(WorkFolders.REGISTRATION)
                    .resolve("case07"));
            Files.copy(whole, incomplete.resolve("fixed-image.mha"));
            Files.copy(whole, incomplete.resolve("moving-image.mha"));

            Path failed = inbox.resolve(".failed");
            Path failedCases = service.folders().inbox(WorkFolders.REGISTRATION).resolve(".failed");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(failed.resolve("notes.txt")).exists();
                assertThat(failed.resolve("empty.mha")).exists();
                assertThat(failed.resolve("truncated.mha")).exists();
                assertThat(failedCases.resolve("case07")).isDirectory();
            });
            assertThat(Files.readString(failed.resolve("notes.txt.error.txt")))
                    .startsWith("'notes.txt' is not a .mha file");
            assertThat(Files.readString(failed.resolve("empty.mha.error.txt")))
                    .startsWith("'empty.mha' is empty (0 bytes)");
            assertThat(Files.readString(failed.resolve("truncated.mha.error.txt")))
                    .startsWith("'truncated.mha' is incomplete")
                    .contains("truncated")
                    .doesNotContain("Exception", "\tat ");
            assertThat(Files.readString(failedCases.resolve("case07.error.txt")))
                    .contains("Missing: fixed-mask.mha, moving-mask.mha")
                    .contains("Expected exactly these files");
            assertThat(inbox.resolve(".done")).doesNotExist();
            assertThat(uploads() - uploadsBefore).as("nothing was uploaded").isZero();
        }
    }

    @Test
    void aTransientFailureKeepsTheScanAndItIsSubmittedLater() throws Exception {
        // more failures than the route's redeliveries: the scan must survive a rolled-back exchange too
        gc.faults().add(FaultRule.matching("POST", "/api/v1/uploads/").times(4).status(500).build());
        AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
        try (GrandChallengeService service = GrandChallengeService.start(settings,
                EmbeddedPlatform.of(gc.emulator()), Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            smallScan(inbox.resolve("retry.mha"));

            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve(".done/retry.mha")));
            assertThat(inbox.resolve(".failed")).doesNotExist();
        }
    }

    @Test
    void aLungMaskThatCannotBeWrittenLeavesTheLobeResultInPlaceAndIsWrittenLater() throws Exception {
        AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
        try (GrandChallengeService service = GrandChallengeService.start(settings,
                EmbeddedPlatform.of(gc.emulator()), Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            // the mask cannot be written: a folder (not empty) stands where the mask must go, as a full disk would
            Path blocked = Files.createDirectories(outbox.resolve("derived_lungs.mha"));
            Files.writeString(blocked.resolve("obstacle"), "x");
            smallScan(inbox.resolve("derived.mha"));

            Path lobes = outbox.resolve("derived_lobes.mha");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(lobes));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Files.isRegularFile(lobes) && !Files.exists(outbox.resolve(".failed")));
            assertThat(inbox.resolve(".failed")).as("the scan's job succeeded; nothing failed").doesNotExist();

            Files.delete(blocked.resolve("obstacle"));
            Files.delete(blocked);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(outbox.resolve("derived_lungs.mha")));
            assertThat(lobes).isRegularFile();
        }
    }

    private static long uploads() {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().contains("/uploads/"));
    }

    private static Path smallScan(Path file) throws Exception {
        MetaImage scan = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 32, 32, 16));
        for (long i = 0; i < scan.elementCount(); i++) {
            scan.setLong(i, i % 2 == 0 ? -1000 : 40);
        }
        MetaImageWriter.write(file, scan);
        return file;
    }
}
