package io.github.camelgc.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.ops.Masks;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of credits from the start: a registration case folder stays in its inbox and an archive item is not taken for
 * failed; each algorithm is announced once; both complete once credits are back.
 */
class OutOfCreditsCaseAndArchiveIT {

    private static final String REGISTRATION = "deep-learning-based-ct-lung-registration";
    private static final String ARCHIVE_ALGORITHM = "pulmonary-lobe-segmentation-for-covid-19-ct-scans";
    private static final Duration RECHECK = Duration.ofSeconds(2);

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(1)
            .credits("demo", 0).build();

    @TempDir
    Path work;

    @Test
    void aCaseFolderAndAnArchiveItemWaitForCreditsAndCompleteOnceTheyAreBack() throws Exception {
        Tuning tuning = Tuning.forEmulator().withCreditsRecheck(RECHECK);
        boolean passed = false;
        try (Reliability.LogCapture log = new Reliability.LogCapture(work.resolve("service.log"));
             GrandChallengeService service = GrandChallengeService.start(
                     AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()), tuning)) {
            Path cases = service.folders().inbox(WorkFolders.REGISTRATION);
            Path folder = dropCase(cases, "case01");

            await().atMost(Duration.ofSeconds(30)).until(() -> console(log, "out of credits").size() == 2);
            // both are offered again at their checks: let a few pass
            long refusals = jobPosts(400);
            await().atMost(RECHECK.multipliedBy(4)).until(() -> jobPosts(400) >= refusals + 3);

            assertThat(folder).as("the case waits in the inbox").isDirectory();
            assertThat(cases.resolve(".failed")).doesNotExist();
            assertThat(gc.state().jobs()).as("no job without credits").isEmpty();
            assertThat(console(log, "out of credits")).as("once per algorithm")
                    .anySatisfy(line -> assertThat(line).contains(REGISTRATION + ": the account is out of credits",
                            "1 input waits in inbox/" + REGISTRATION + "/"))
                    .anySatisfy(line -> assertThat(line).contains(ARCHIVE_ALGORITHM + ": the account is out of credits",
                            "Archive items wait", "none is failed"));
            assertThat(console(log, "failed")).as("nothing reported as failed")
                    .allMatch(line -> line.contains("none is failed"));
            assertThat(console(log, "will try again")).as("no line per poll").isEmpty();

            gc.setCredits("demo", 1000);
            Path registered = service.folders().outbox(WorkFolders.REGISTRATION).resolve("case01");
            Path archiveScans = service.folders().outbox(WorkFolders.ARCHIVE).resolve("output_scans");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(
                    registered.resolve("displacement-field.mha")) && Files.exists(registered.resolve("registered-moving-image.mha"))
                    && visible(archiveScans).size() == 1);
            assertThat(cases.resolve(".done/case01")).isDirectory();
            assertThat(console(log, "available again")).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains(REGISTRATION, "the 1 input waiting in inbox/"))
                    .anySatisfy(line -> assertThat(line).contains(ARCHIVE_ALGORITHM, "the 1 archive item"));
            assertThat(gc.state().jobs()).as("one job each").hasSize(2);
            passed = true;
        } finally {
            if (!passed) {
                Reliability.keepLog(work, "out-of-credits-case-archive");
            }
        }
    }

    /** A complete registration case of a small phantom and its lung mask, assembled under a hidden name. */
    private static Path dropCase(Path cases, String name) throws Exception {
        Path staging = Files.createDirectories(cases.resolve("." + name));
        for (String role : List.of("fixed", "moving")) {
            ChestPhantom phantom = ChestPhantom.builder().size(32, 32, 16).seed(role.length()).build();
            MetaImageWriter.write(staging.resolve(role + "-image.mha"), phantom.ct());
            MetaImageWriter.write(staging.resolve(role + "-mask.mha"), Masks.binarize(phantom.lobeLabels()));
        }
        return Files.move(staging, cases.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> console(Reliability.LogCapture log, String text) {
        return log.text().lines().filter(line -> line.startsWith("grandchallenge ") && line.contains(text)).toList();
    }

    private static long jobPosts(int status) {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().endsWith("/algorithms/jobs/")
                && e.status() == status);
    }

    private static List<Path> visible(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
