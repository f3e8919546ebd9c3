package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFoldersTest {

    private static final List<String> SOCKETS = List.of("fixed-image", "moving-image", "fixed-mask", "moving-mask");
    private static final Instant WRITTEN = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path inbox;

    private final MutableClock clock = new MutableClock(WRITTEN.plusSeconds(5));

    private CaseFolders caseFolders() {
        return new CaseFolders(inbox, SOCKETS, Duration.ofSeconds(2), Duration.ofSeconds(60),
                new DropFolder(new JobInputs(new MemoryState(),
                        inbox), new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), clock), Duration.ofHours(24)), clock);
    }

    @Test
    void completeCaseIsHandedOutOnTheSecondUnchangedScanWithOneFilePerSocket() throws Exception {
        Path folder = caseWith("case01", SOCKETS);
        CaseFolders cases = caseFolders();
        DefaultCamelContext context = new DefaultCamelContext();

        assertThat(cases.scan(context)).as("first sight: not yet known to be fully written").isEmpty();
        List<Message> ready = cases.scan(context);

        assertThat(ready).hasSize(1);
        assertThat(ready.get(0).getHeader(DropFolder.CASE_FOLDER)).isEqualTo(folder.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = ready.get(0).getBody(Map.class);
        assertThat(inputs).containsOnlyKeys(SOCKETS);
        assertThat(inputs.get("moving-mask")).isEqualTo(new File(folder.toFile(), "moving-mask.mha"));
    }

    @Test
    void caseStillBeingWrittenWaits() throws Exception {
        Path folder = caseWith("case01", SOCKETS);
        CaseFolders cases = caseFolders();
        DefaultCamelContext context = new DefaultCamelContext();
        cases.scan(context);
        Path grown = Files.writeString(folder.resolve("fixed-image.mha"), "grown meanwhile");
        Files.setLastModifiedTime(grown, FileTime.from(WRITTEN.plusSeconds(1)));

        assertThat(cases.scan(context)).isEmpty();
        assertThat(cases.scan(context)).hasSize(1);
    }

    @Test
    void incompleteCaseWaitsThenFailsNamingWhatIsMissingAndExpected() throws Exception {
        Path folder = caseWith("case02", List.of("fixed-image", "moving-image", "fixed-mask"));
        Files.writeString(folder.resolve("notes.txt"), "x");
        Files.setLastModifiedTime(folder.resolve("notes.txt"), FileTime.from(WRITTEN));
        Files.setLastModifiedTime(folder, FileTime.from(WRITTEN));
        CaseFolders cases = caseFolders();
        DefaultCamelContext context = new DefaultCamelContext();

        assertThat(cases.scan(context)).isEmpty();
        assertThat(cases.scan(context)).isEmpty();
        assertThat(folder).isDirectory();

        clock.now = WRITTEN.plusSeconds(61);
        assertThat(cases.scan(context)).isEmpty();

        assertThat(folder).doesNotExist();
        Path error = inbox.resolve(".failed/case02.error.txt");
        assertThat(inbox.resolve(".failed/case02")).isDirectory();
        assertThat(Files.readString(error))
                .contains("Case folder 'case02'")
                .contains("Missing: moving-mask.mha")
                .contains("Unexpected: notes.txt")
                .contains("Expected exactly these files: fixed-image.mha, moving-image.mha, fixed-mask.mha, "
                        + "moving-mask.mha");
    }

    @Test
    void withReadyMarkersACompleteCaseWaitsForItsMarkerWhichGoesWithIt() throws Exception {
        Path folder = caseWith("case03", SOCKETS);
        CaseFolders cases = caseFolders().withReadyMarkers(true);
        DefaultCamelContext context = new DefaultCamelContext();
        cases.scan(context);
        assertThat(cases.scan(context)).as("complete and unchanged, but no marker").isEmpty();
        clock.now = WRITTEN.plusSeconds(600);
        assertThat(cases.scan(context)).as("nor does it fail for want of one").isEmpty();
        assertThat(folder).isDirectory();

        Files.createFile(inbox.resolve("case03.ready"));
        cases.scan(context);
        assertThat(cases.scan(context)).hasSize(1);
    }

    @Test
    void aLinkToACaseFolderIsNotACase() throws Exception {
        Path elsewhere = Files.createDirectories(inbox.resolve(".elsewhere"));
        Path real = caseWith("case04", SOCKETS);
        Path moved = Files.move(real, elsewhere.resolve("case04"));
        Files.createSymbolicLink(inbox.resolve("case04"), moved);
        CaseFolders cases = caseFolders();
        DefaultCamelContext context = new DefaultCamelContext();
        cases.scan(context);
        assertThat(cases.scan(context)).as("its files would be read through the link").isEmpty();
    }

    private Path caseWith(String name, List<String> sockets) throws Exception {
        Path folder = Files.createDirectories(inbox.resolve(name));
        for (String socket : sockets) {
            Path file = Files.writeString(folder.resolve(socket + ".mha"), "data of " + socket);
            Files.setLastModifiedTime(file, FileTime.from(WRITTEN));
        }
        Files.setLastModifiedTime(folder, FileTime.from(WRITTEN));
        return folder;
    }
}
