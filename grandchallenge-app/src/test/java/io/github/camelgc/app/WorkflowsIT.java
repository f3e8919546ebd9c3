package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.camelgc.app.demo.DemoScans;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.analysis.Tiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The four workflows end to end against the emulator, with phantom CT scans whose lobe labels are known. */
class WorkflowsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path work;

    private GrandChallengeService start() throws Exception {
        return GrandChallengeService.start(AppSettings.resolve(Map.of()).withWorkDir(work),
                EmbeddedPlatform.of(gc.emulator()), Tuning.forEmulator());
    }

    @Test
    void lobesThenLungMasksThenRegistrationOfTheTwoScans() throws Exception {
        try (GrandChallengeService service = start()) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            DemoScans.dropInto(inbox, "case01", 1);
            DemoScans.dropInto(inbox, "case02", 2);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);

            await().atMost(TIMEOUT).until(() -> Files.exists(outbox.resolve("case01_lungs.mha"))
                    && Files.exists(outbox.resolve("case02_lungs.mha")));

            assertThat(inbox.resolve(".done/case01.mha")).exists();
            assertThat(inbox.resolve("case01.mha")).doesNotExist();
            for (int seed = 1; seed <= 2; seed++) {
                String name = "case0" + seed;
                MetaImage lobes = MetaImageReader.read(outbox.resolve(name + "_lobes.mha"));
                MetaImage expected = DemoScans.phantom(seed).lobeLabels();
                assertThat(lobes.header().sameGeometry(expected.header())).isTrue();
                assertThat(distinctValues(lobes)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
                assertThat(sameVoxels(lobes, expected)).as("lobes of %s equal the phantom's labels", name).isTrue();
                MetaImage lungs = MetaImageReader.read(outbox.resolve(name + "_lungs.mha"));
                assertThat(lungs.header().sameGeometry(lobes.header())).as("mask keeps the geometry").isTrue();
                for (long i = 0; i < lungs.elementCount(); i++) {
                    assertThat(lungs.getLong(i)).isEqualTo(lobes.getLong(i) > 0 ? 1L : 0L);
                }
            }

            // workflow 3: the scans and their lung masks as one case, assembled under a hidden name
            Path cases = service.folders().inbox(WorkFolders.REGISTRATION);
            Path staging = Files.createDirectories(cases.resolve(".case01-vs-case02"));
            Files.copy(inbox.resolve(".done/case01.mha"), staging.resolve("fixed-image.mha"));
            Files.copy(inbox.resolve(".done/case02.mha"), staging.resolve("moving-image.mha"));
            Files.copy(outbox.resolve("case01_lungs.mha"), staging.resolve("fixed-mask.mha"));
            Files.copy(outbox.resolve("case02_lungs.mha"), staging.resolve("moving-mask.mha"));
            Files.move(staging, cases.resolve("case01-vs-case02"), StandardCopyOption.ATOMIC_MOVE);

            Path results = service.folders().outbox(WorkFolders.REGISTRATION).resolve("case01-vs-case02");
            await().atMost(TIMEOUT).until(() -> Files.exists(results.resolve("displacement-field.mha"))
                    && Files.exists(results.resolve("registered-moving-image.mha")));
            assertThat(cases.resolve(".done/case01-vs-case02/fixed-image.mha")).exists();
            MetaImage field = MetaImageReader.read(results.resolve("displacement-field.mha"));
            MetaImage fixed = MetaImageReader.read(cases.resolve(".done/case01-vs-case02/fixed-image.mha"));
            assertThat(field.header().nDims()).isEqualTo(4);
            assertThat(field.header().dim(3)).isEqualTo(3);
            assertThat(field.header().dim(0)).isEqualTo(fixed.header().dim(0));
            MetaImage registered = MetaImageReader.read(results.resolve("registered-moving-image.mha"));
            assertThat(registered.header().sameGeometry(fixed.header())).isTrue();
        }
    }

    @Test
    void everyArchiveImageGetsItsLobesAndScreenshotNamedAfterIt() throws Exception {
        try (GrandChallengeService service = start()) {
            Path outbox = service.folders().outbox(WorkFolders.ARCHIVE);
            int images = gc.emulator().config().phantomCases();
            await().atMost(TIMEOUT).until(() -> visible(outbox.resolve("output_scans")).size() == images
                    && visible(outbox.resolve("output_screenshots")).size() == images);

            for (Path scan : visible(outbox.resolve("output_scans"))) {
                assertThat(scan.getFileName().toString()).endsWith(".mha");
                assertThat(distinctValues(MetaImageReader.read(scan))).contains(0L, 1L, 2L, 3L, 4L, 5L)
                        .allMatch(v -> v >= 0 && v <= 5);
                String stem = scan.getFileName().toString().replace(".mha", "");
                List<Path> shots = visible(outbox.resolve("output_screenshots")).stream()
                        .filter(p -> p.getFileName().toString().startsWith(stem + "_")).toList();
                assertThat(shots).hasSize(1);
                assertThat(shots.get(0).getFileName().toString())
                        .matches(java.util.regex.Pattern.quote(stem) + "_[0-9a-f-]{36}\\.tif");
                Tiff.TiffInfo tiff = Tiff.readHeader(shots.get(0));
                assertThat(tiff.samplesPerPixel()).as("RGB overlay").isEqualTo(3);
                assertThat(tiff.width()).isPositive();
                assertThat(tiff.height()).isPositive();
            }
        }
    }

    @Test
    void aRestartWhileJobsRunLosesNothingAndDoesNothingTwice() throws Exception {
        // an emulator of its own whose jobs take a while, so the service stops while they run
        try (EmbeddedPlatform slow = EmbeddedPlatform.start(Duration.ofMillis(400))) {
            AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
            Path inbox;
            try (GrandChallengeService service = GrandChallengeService.start(settings, slow, Tuning.forEmulator())) {
                inbox = service.folders().inbox(WorkFolders.LOBES);
                for (int seed = 3; seed <= 5; seed++) {
                    DemoScans.dropInto(inbox, "scan" + seed, seed);
                }
                Path done = inbox.resolve(".done");
                await().atMost(TIMEOUT).until(() -> !visible(done).isEmpty());
            }
            Path outbox = new WorkFolders(work).outbox(WorkFolders.LOBES);
            assertThat(visible(outbox).stream().filter(p -> p.toString().endsWith("_lungs.mha")))
                    .as("stopped before every result was in").hasSizeLessThan(3);

            try (GrandChallengeService service = GrandChallengeService.start(settings, slow, Tuning.forEmulator())) {
                await().atMost(TIMEOUT).until(() -> Stream.of(3, 4, 5)
                        .allMatch(seed -> Files.exists(outbox.resolve("scan" + seed + "_lungs.mha"))));
            }
            assertThat(visible(inbox)).isEmpty();
            assertThat(visible(inbox.resolve(".done"))).hasSize(3);
            assertThat(visible(outbox)).extracting(p -> p.getFileName().toString()).containsExactly(
                    "scan3_lobes.mha", "scan3_lungs.mha", "scan4_lobes.mha", "scan4_lungs.mha",
                    "scan5_lobes.mha", "scan5_lungs.mha");
            // the archive workflow starts jobs too, but only scans are uploaded: one upload and one job per scan
            long uploads = slow.emulator().requestLog().count(e -> "POST".equals(e.method())
                    && e.path().endsWith("/uploads/") && e.status() == 201);
            assertThat(uploads).as("one upload per scan").isEqualTo(3);
            assertThat(slow.emulator().state().jobs())
                    .filteredOn(job -> job.algorithm().slug().equals(WorkFolders.LOBES)).as("one job per scan")
                    .hasSize(3);
        }
    }

    static List<Path> visible(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TreeSet<Long> distinctValues(MetaImage image) {
        TreeSet<Long> values = new TreeSet<>();
        for (long i = 0; i < image.elementCount(); i++) {
            values.add(image.getLong(i));
        }
        return values;
    }

    private static boolean sameVoxels(MetaImage a, MetaImage b) {
        if (a.elementCount() != b.elementCount()) {
            return false;
        }
        for (long i = 0; i < a.elementCount(); i++) {
            if (a.getLong(i) != b.getLong(i)) {
                return false;
            }
        }
        return true;
    }
}
