package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.smallScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.app.platform.Platform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every inbox entry gets a fate, whatever its name, type or nesting, with a reason that fits its cause and never
 * quotes a file's content: links (to a system file, to nowhere, to a folder), a folder and a named pipe in the file
 * inbox, a file and a link in the case inbox, a {@code .mha} whose pixel data is in another file, a header whose
 * size overflows, a text file named {@code .mha}. Hidden entries are left alone and mentioned once. A refused API
 * token is not the input's fault: inputs wait in the inbox, the console says once what to fix, and they complete
 * once the service runs with a valid token.
 */
class InboxEntriesIT {

    private static final String SECRET = "root:x:0:0:s3cr3t-of-a-system-file:/root:/bin/bash";

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path work;

    @Test
    void everyEntryGetsAFateWithAReasonThatFitsAndQuotesNothing() throws Exception {
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()),
                        Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path cases = service.folders().inbox(WorkFolders.REGISTRATION);
            long uploadsBefore = uploads();
            Path systemFile = Files.writeString(work.resolve("passwd"), SECRET + "\n");
            Path scan = smallScan(work.resolve("scan.mha"), 4);

            // reason start, and the advice the error file ends with
            Map<String, String[]> expected = new LinkedHashMap<>();
            Files.createSymbolicLink(inbox.resolve("link.mha"), systemFile);
            expected.put("link.mha", new String[] {"'link.mha' is a symbolic link", "itself (not a link to it)"});
            Files.createSymbolicLink(inbox.resolve("nowhere.mha"), work.resolve("missing.mha"));
            expected.put("nowhere.mha", new String[] {"'nowhere.mha' is a symbolic link", "itself (not a link to it)"});
            Files.createSymbolicLink(inbox.resolve("linked-folder"), work.resolve("state"));
            expected.put("linked-folder", new String[] {"'linked-folder' is a symbolic link", "itself (not a link to it)"});
            Path folder = Files.createDirectories(work.resolve("staging/scans"));
            Files.copy(scan, folder.resolve("in-a-folder.mha"));
            Files.move(folder, inbox.resolve("scans"));
            expected.put("scans", new String[] {"'scans' is a folder", "drop the .mha files themselves"});
            Path pipe = inbox.resolve("pipe.mha");
            assumeThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).as("mkfifo").isZero();
            expected.put("pipe.mha", new String[] {"'pipe.mha' is not a regular file", "as a regular file"});
            write(inbox, "split.raw", new byte[32 * 32 * 16 * 2]);
            write(inbox, "split.mha", ("ObjectType = Image\nNDims = 3\nDimSize = 32 32 16\nElementType = MET_SHORT\n"
                    + "ElementDataFile = split.raw\n").getBytes(StandardCharsets.UTF_8));
            expected.put("split.mha", new String[] {"'split.mha' keeps its pixel data in a separate file",
                "with its pixel data inside"});
            expected.put("split.raw", new String[] {"'split.raw' is not a .mha file", "with its pixel data inside"});
            write(inbox, "huge.mha", ("NDims = 3\nDimSize = 2147483647 2147483647 2147483647\n"
                    + "ElementType = MET_DOUBLE\nElementDataFile = LOCAL\n").getBytes(StandardCharsets.UTF_8));
            expected.put("huge.mha", new String[] {"'huge.mha' has a MetaImage header the service cannot use: DimSize",
                "fix the header"});
            write(inbox, "passwd.mha", (SECRET + "\n").getBytes(StandardCharsets.UTF_8));
            expected.put("passwd.mha", new String[] {"'passwd.mha' is not a MetaImage", "convert the scan"});
            // a copy tool's temporary file that was abandoned: left alone, said once
            Path hidden = write(inbox, ".case99.mha.Xy12Ab", "half".getBytes(StandardCharsets.UTF_8));
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            // the case inbox: a scan dropped loose, and a link to a complete case
            Path caseFolder = Files.createDirectories(work.resolve("elsewhere/case01"));
            for (String file : List.of("fixed-image", "moving-image", "fixed-mask", "moving-mask")) {
                Files.copy(scan, caseFolder.resolve(file + ".mha"));
            }
            Files.copy(scan, cases.resolve("loose.mha"));
            Files.createSymbolicLink(cases.resolve("case01"), caseFolder);
            // and a good scan next to all of it
            Files.copy(scan, inbox.resolve("fine.mha"));

            Path failed = inbox.resolve(".failed");
            Path failedCases = cases.resolve(".failed");
            await().atMost(Duration.ofSeconds(40)).until(() -> expected.keySet().stream()
                    .allMatch(name -> Files.exists(failed.resolve(name + ".error.txt")))
                    && Files.exists(failedCases.resolve("loose.mha.error.txt"))
                    && Files.exists(failedCases.resolve("case01.error.txt"))
                    && Files.exists(service.folders().outbox(WorkFolders.LOBES).resolve("fine_lobes.mha")));

            for (Map.Entry<String, String[]> entry : expected.entrySet()) {
                List<String> lines = Files.readAllLines(failed.resolve(entry.getKey() + ".error.txt"));
                assertThat(lines.get(0)).as("reason for %s", entry.getKey()).startsWith(entry.getValue()[0])
                        .doesNotContain("copy interrupted", "Exception", work.toString());
                assertThat(lines.get(lines.size() - 1)).as("advice for %s", entry.getKey())
                        .startsWith("To try again").contains(entry.getValue()[1]);
                assertThat(failed.resolve(entry.getKey())).as("%s moved as it is", entry.getKey())
                        .satisfiesAnyOf(p -> assertThat(Files.isSymbolicLink(p)).isTrue(),
                                p -> assertThat(p).exists());
            }
            assertThat(Files.readString(failedCases.resolve("loose.mha.error.txt")))
                    .startsWith("'loose.mha' is a file; this inbox takes registration case folders");
            assertThat(Files.readString(failedCases.resolve("case01.error.txt")))
                    .startsWith("'case01' is a symbolic link");
            assertThat(Files.readString(systemFile)).as("a link's target is never moved or changed")
                    .isEqualTo(SECRET + "\n");
            assertThat(Reliability.errorFiles(work)).as("no reason quotes a file's content").doesNotContain("s3cr3t");
            assertThat(logs.consoleLines("s3cr3t")).as("nor does the console").isEmpty();
            assertThat(uploads() - uploadsBefore).as("only the good scan was uploaded").isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> !logs.consoleLines(".case99.mha.Xy12Ab").isEmpty());
            assertThat(hidden).as("a hidden entry is left alone").exists();
            assertThat(logs.consoleLines(".case99.mha.Xy12Ab")).singleElement().asString()
                    .contains("left alone", "rename it without the leading dot");
            for (String name : expected.keySet()) {
                assertThat(logs.consoleLines(name + ": failed")).as("%s: said once", name).hasSize(1);
            }
            assertThat(logs.stackTraceLines()).as("no stack traces").isEmpty();
        } finally {
            Reliability.keepLog(work, "inbox-entries");
        }
    }

    @Test
    void aRefusedTokenIsNotTheInputsFaultItWaitsAndTheConsoleSaysOnceWhatToFix() throws Exception {
        EmbeddedPlatform platform = EmbeddedPlatform.of(gc.emulator());
        Platform revoked = new Platform() {
            @Override
            public String baseUrl() {
                return platform.baseUrl();
            }

            @Override
            public String token() {
                return "0".repeat(64);
            }

            @Override
            public Optional<SSLContextParameters> trust() {
                return platform.trust();
            }

            @Override
            public boolean embedded() {
                return false;
            }
        };
        AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
        Path inbox;
        try (Reliability.LogCapture logs = new Reliability.LogCapture(work.resolve("service.log"), Level.INFO);
                GrandChallengeService service = GrandChallengeService.start(settings, revoked,
                        Tuning.forEmulator())) {
            inbox = service.folders().inbox(WorkFolders.LOBES);
            smallScan(inbox.resolve("waits-1.mha"), 1);
            smallScan(inbox.resolve("waits-2.mha"), 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> logs.text().lines()
                    .filter(l -> l.startsWith("grandchallenge ") && l.contains("picked up")).count() >= 2
                    && !logs.consoleLines("refused the API token").isEmpty());
            // a few more tries of each
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(inbox.resolve(".failed")).as("nothing failed for a token problem").doesNotExist();
            assertThat(inbox.resolve("waits-1.mha")).exists();
            assertThat(inbox.resolve("waits-2.mha")).exists();
            List<String> said = logs.consoleLines("refused the API token").stream()
                    .filter(l -> !l.contains("polling failed")).toList();
            assertThat(said).as("said once for all inputs").singleElement().asString()
                    .contains("GRAND_CHALLENGE_AUTHORIZATION", "restart", "inbox/pulmonary-lobe-segmentation/",
                            "none is failed").doesNotContain("fix the input");
            assertThat(logs.consoleLines("polling failed")).as("the result polls say it once too").hasSize(1);
            assertThat(logs.stackTraceLines()).as("no stack traces").isEmpty();
        } finally {
            Reliability.keepLog(work, "token-refused");
        }
        // the operator sets a valid token and restarts
        try (GrandChallengeService service = GrandChallengeService.start(settings, platform, Tuning.forEmulator())) {
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            await().atMost(Duration.ofSeconds(40)).until(() -> Reliability.allComplete(inbox, outbox,
                    List.of("waits-1", "waits-2")));
            Reliability.assertExactlyOnce(gc.emulator(), inbox, outbox, List.of("waits-1", "waits-2"));
        }
    }

    private static long uploads() {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().equals("/api/v1/uploads/"));
    }

    /** Writes under a hidden name and renames, as a careful copy does. */
    private static Path write(Path inbox, String name, byte[] content) throws Exception {
        Path temp = Files.write(inbox.getParent().resolve("." + name + ".part"), content);
        return Files.move(temp, inbox.resolve(name));
    }
}
