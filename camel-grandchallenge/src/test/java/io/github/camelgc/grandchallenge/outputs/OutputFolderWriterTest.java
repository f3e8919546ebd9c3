package io.github.camelgc.grandchallenge.outputs;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void namesFilesAfterThePatternAndWritesThemWhole() throws Exception {
        OutputFolderWriter writer = new OutputFolderWriter(dir, "{input}-{socket}{ext}");
        List<Path> written = writer.write(List.of(item("lung-mask", "3f2a.mha", "voxels")), "job-1", "case_001.mha");
        assertThat(written).containsExactly(dir.resolve("case_001-lung-mask.mha"));
        assertThat(Files.readString(written.get(0))).isEqualTo("voxels");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void hostileNamesFromTheServerStayInsideTheFolder() {
        OutputFolderWriter writer = new OutputFolderWriter(dir, "{job}/{socket}/{name}");
        Path target = writer.target(item("../../etc", "../../../passwd", "x"), "../..", "x");
        assertThat(target).isEqualTo(dir.toAbsolutePath().resolve("unnamed/etc/passwd"));
    }

    @Test
    void aPatternEscapingTheFolderIsRefused() {
        OutputFolderWriter writer = new OutputFolderWriter(dir, "../{socket}{ext}");
        assertThatThrownBy(() -> writer.target(item("s", "a.mha", "x"), "j", null))
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
}
