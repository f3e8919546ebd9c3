package io.github.camelgc.metaimage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.analysis.Tiff;
import io.github.camelgc.metaimage.ops.Masks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaImageCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return MetaImageCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void phantomThenInfoSegmentBinarizeVolumesAndScreenshot() throws IOException {
        String ct = dir.resolve("ct.mha").toString();
        String labels = dir.resolve("labels.mha").toString();

        assertThat(run("phantom", "--size", "48x40x24", "--spacing", "1x1x2", "--seed", "3", "--labels", labels, ct))
                .as(err()).isZero();
        assertThat(run("info", ct)).isZero();
        assertThat(out()).contains("dimensions:    48 x 40 x 24").contains("MET_SHORT").contains("zlib-compressed");

        String segmented = dir.resolve("segmented.mha").toString();
        assertThat(run("segment", ct, segmented)).as(err()).isZero();
        assertThat(MetaImageReader.read(Path.of(segmented)).data())
                .isEqualTo(MetaImageReader.read(Path.of(labels)).data());

        String mask = dir.resolve("mask.mhd").toString();
        assertThat(run("binarize", labels, mask)).as(err()).isZero();
        MetaImage maskImage = MetaImageReader.read(Path.of(mask));
        assertThat(maskImage.header().elementType()).isEqualTo(ElementType.MET_UCHAR);
        long lungVoxels = Masks.labelVolumes(maskImage).get(1L).voxels();

        assertThat(run("volumes", mask)).isZero();
        assertThat(out()).contains("1\t" + lungVoxels + "\t");

        String tif = dir.resolve("shot.tif").toString();
        assertThat(run("screenshot", ct, labels, tif)).as(err()).isZero();
        assertThat(Tiff.readHeader(Path.of(tif)).width()).isEqualTo(48);
    }

    @Test
    void wrongUsageExitsWithTwoAndTheUsageOnStandardError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("missing command").contains("Usage: metaimage");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("'frobnicate'").contains("Usage: metaimage");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--frobnicate'");
        assertThat(run("phantom", "--size", "12x12", "x.mha")).isEqualTo(2);
        assertThat(err()).contains("--size").contains("needs three whole numbers").contains("'12x12'")
                .contains("Usage: metaimage phantom");
        assertThat(run("phantom", "--seed", "many", "x.mha")).isEqualTo(2);
        assertThat(err()).contains("--seed").contains("'many'");
        assertThat(run("binarize", "only-one.mha")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter: 'OUT'");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpAndVersionExitWithZeroOnStandardOutput() {
        for (String[] help : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            assertThat(run(help)).isZero();
            assertThat(out()).contains("Usage: metaimage").contains("phantom").contains("screenshot");
            assertThat(err()).isEmpty();
        }
        assertThat(run("help", "phantom")).isZero();
        assertThat(out()).contains("Usage: metaimage phantom").contains("--size=XxYxZ").contains("--no-airways");
        assertThat(run("binarize", "--help")).isZero();
        assertThat(out()).contains("Usage: metaimage binarize").contains("IN OUT");
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("metaimage ");
        assertThat(run("info", "--version")).isZero();
        assertThat(out()).startsWith("metaimage ");
    }

    @Test
    void failuresExitWithOneAndNameTheFile() {
        String missing = dir.resolve("missing.mha").toString();

        assertThat(run("info", missing)).isEqualTo(1);
        assertThat(err()).contains("missing.mha").contains("does not exist");
    }
}
