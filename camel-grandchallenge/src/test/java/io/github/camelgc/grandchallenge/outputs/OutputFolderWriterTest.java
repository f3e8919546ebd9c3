package io.github.camelgc.grandchallenge.outputs;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFolderWriterTest {

    @TempDir
    Path dir;

    private static OutputItem item(String socket, String fileName, String content) {
        return new OutputItem(socket, "Segmentation", "Image", null, fileName,
                () -> new ByteArrayInputStream(content.getBytes()));
    }

    private static OutputNaming.Values values(String job, String input, String inputId) {
        return new OutputNaming.Values(job, () -> input, inputId);
    }

    @Test
    void namesFilesAfterThePatternAndWritesThemWhole() throws Exception {
        OutputFolderWriter writer = new OutputFolderWriter(dir, OutputNaming.of("{input}-{socket}{ext}"));
        List<Path> written = writer.write(List.of(item("lung-mask", "3f2a.mha", "voxels")),
                values("job-1", "case_001.mha", "img-1"));
        assertThat(written).containsExactly(dir.resolve("case_001-lung-mask.mha"));
        assertThat(Files.readString(written.get(0))).isEqualTo("voxels");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void socketPatternsOverrideTheDefaultAndAHeaderOverridesBoth() {
        OutputNaming naming = new OutputNaming("{job}/{socket}{ext}",
                Map.of("screenshot", "shots/{input}_{inputId}{ext}"));
        OutputNaming.Values values = values("job-1", "scan.v2.mha", "3f2a");
        assertThat(naming.nameOf(item("screenshot", "x.tif", ""), values)).isEqualTo("shots/scan.v2_3f2a.tif");
        assertThat(naming.nameOf(item("lobes", "x.mha", ""), values)).isEqualTo("job-1/lobes.mha");
        assertThat(naming.overriddenBy("{inputName}/{socket}{ext}").nameOf(item("screenshot", "x.tif", ""), values))
                .as("the whole input name: a case folder's dots are not an extension")
                .isEqualTo("scan.v2.mha/screenshot.tif");
        assertThat(naming.overriddenBy(null)).isSameAs(naming);
        assertThat(new OutputNaming("{job}{ext}", Map.of("pulmonaryLobesScreenshot", "shot{ext}"))
                .nameOf(item("pulmonary-lobes-screenshot", "x.tif", ""), values))
                .as("YAML turns dashed keys into camel case; they still name the socket").isEqualTo("shot.tif");
    }

    @Test
    void theInputNameIsOnlyLookedUpWhenAPatternUsesIt() {
        AtomicInteger lookups = new AtomicInteger();
        OutputNaming.Values values = new OutputNaming.Values("job-1", () -> {
            lookups.incrementAndGet();
            return "case.mha";
        }, null);
        assertThat(OutputNaming.of("{job}/{socket}{ext}").nameOf(item("s", "a.mha", ""), values)).isEqualTo("job-1/s.mha");
        assertThat(lookups).hasValue(0);
        assertThat(OutputNaming.of("{input}{ext}").nameOf(item("s", "a.mha", ""), values)).isEqualTo("case.mha");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void hostileNamesFromTheServerStayInsideTheFolder() {
        OutputFolderWriter writer = new OutputFolderWriter(dir, OutputNaming.of("{job}/{socket}/{name}"));
        Path target = writer.target(item("../../etc", "../../../passwd", "x"), values("../..", "x", null));
        assertThat(target).isEqualTo(dir.toAbsolutePath().resolve("unnamed/etc/passwd"));
        Path byInput = new OutputFolderWriter(dir, OutputNaming.of("{inputName}/{input}{ext}"))
                .target(item("s", "a.mha", "x"), values("j", "../../escaped.mha", "../id"));
        assertThat(byInput).isEqualTo(dir.toAbsolutePath().resolve("escaped.mha/escaped.mha"));
    }

    @Test
    void aPatternEscapingTheFolderIsRefused() {
        OutputFolderWriter writer = new OutputFolderWriter(dir, OutputNaming.of("../{socket}{ext}"));
        assertThatThrownBy(() -> writer.target(item("s", "a.mha", "x"), values("j", null, null)))
                .hasMessageContaining("outside the output folder");
    }

    @Test
    void sanitizeKeepsSafeNamesAndNeutralisesTheRest() {
        assertThat(FileNames.sanitize("case_001.mha")).isEqualTo("case_001.mha");
        assertThat(FileNames.sanitize("..")).isEqualTo("unnamed");
        assertThat(FileNames.sanitize("Größe-日本.mha")).as("letters of every script are kept").isEqualTo("Größe-日本.mha");
        assertThat(FileNames.sanitize("a\u0000b\u202Ec:d.mha")).as("controls and punctuation are not").isEqualTo("a_b_c_d.mha");
        assertThat(FileNames.sanitize("日".repeat(100)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(160);
        assertThat(FileNames.sanitize("a/b\\..\\.hidden name")).isEqualTo("hidden_name");
        assertThat(FileNames.extension("x.nii.gz")).isEqualTo(".nii.gz");
        assertThat(FileNames.stem("case_001.mha")).isEqualTo("case_001");
    }

    @Test
    void namesShownToAPersonCannotForgeLines() {
        assertThat(FileNames.printable("evil\n12:00 fake\u001b[2J\u202Egpj.mha")).isEqualTo("evil?12:00 fake?[2J?gpj.mha");
        assertThat(FileNames.printable("Größe-日本.mha")).isEqualTo("Größe-日本.mha");
    }

    @Test
    void namesWithASuffixFitTheFileSystemsLimit() {
        assertThat(FileNames.withSuffix("case.mha", ".error.txt")).isEqualTo("case.mha.error.txt");
        String longName = "ü".repeat(127) + ".mha";
        String fitted = FileNames.withSuffix(longName, ".error.txt");
        assertThat(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
        assertThat(fitted).endsWith("~.error.txt");
    }

    @Test
    void atomicWritesLeaveNoTemporaryFileAndKeepTheTargetsExtension() throws Exception {
        Path target = dir.resolve("x".repeat(200) + ".mha");
        AtomicFiles.produce(target, temp -> {
            assertThat(temp.getFileName().toString()).startsWith(".").endsWith(".mha");
            assertThat(temp.getFileName().toString().length()).isLessThan(100);
            Files.writeString(temp, "data");
        });
        assertThatThrownBy(() -> AtomicFiles.produce(dir.resolve("failed.mha"), temp -> {
            Files.writeString(temp, "half");
            throw new java.io.IOException("disk full");
        })).hasMessage("disk full");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.readString(target)).isEqualTo("data");
    }
}
