package io.github.camelgc.grandchallenge.inputs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFilesTest {

    @TempDir
    Path dir;

    @Test
    void anMhdTravelsWithItsDataFile() throws Exception {
        Path header = Files.writeString(dir.resolve("case.mhd"), "ObjectType = Image\nNDims = 3\n"
                                                                 + "ElementDataFile = case.zraw\n");
        Path data = Files.write(dir.resolve("case.zraw"), new byte[] { 1, 2 });
        assertThat(LocalFiles.imageFiles("ct", header)).containsExactly(header, data);
        assertThat(LocalFiles.imageFiles("ct", List.of(header, data))).containsExactly(header, data);
    }

    @Test
    void missingDataFileIsNamed() throws Exception {
        Path header = Files.writeString(dir.resolve("case.mhd"), "ElementDataFile = case.raw\n");
        assertThatThrownBy(() -> LocalFiles.imageFiles("ct", header))
                .isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("Input 'ct'")
                .hasMessageContaining("case.raw")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesADataFileOutsideTheHeadersFolder() throws Exception {
        Path header = Files.writeString(dir.resolve("evil.mhd"), "ElementDataFile = ../../etc/passwd\n");
        assertThatThrownBy(() -> LocalFiles.imageFiles("ct", header))
                .isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("only a single data file next to the header");
    }
}
