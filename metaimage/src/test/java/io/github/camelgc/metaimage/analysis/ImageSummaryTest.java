package io.github.camelgc.metaimage.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.TestData;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSummaryTest {

    @Test
    void fourDimensionalImageHasNumpyOrderShape() throws IOException {
        ImageSummary s = ImageSummary.of(MetaImageReader.readHeader(TestData.file("image10x11x12x13.mha")));

        assertThat(s.width()).isEqualTo(10);
        assertThat(s.height()).isEqualTo(11);
        assertThat(s.depth()).isEqualTo(12);
        assertThat(s.timepoints()).isEqualTo(13);
        assertThat(s.shape()).containsExactly(13, 12, 11, 10);
        assertThat(s.voxelWidthMm()).isEqualTo(0.429);
        assertThat(s.voxelDepthMm()).isEqualTo(0.5);
        assertThat(s.colorSpace()).isEqualTo("GRAY");
    }

    @Test
    void twoDimensionalRgbImageHasNoDepthAndColourLast() throws IOException {
        ImageSummary s = ImageSummary.of(MetaImageReader.read(TestData.file("image128x256RGB.mhd")));

        assertThat(s.depth()).isNull();
        assertThat(s.voxelDepthMm()).isNull();
        assertThat(s.shape()).containsExactly(256, 128, 3);
        assertThat(s.shapeWithoutColor()).containsExactly(256, 128);
        assertThat(s.colorSpace()).isEqualTo("RGB");
        assertThat(s.segments()).isNull();
    }

    @Test
    void labelMapListsItsSegments() {
        ImageSummary s = ImageSummary.of(ChestPhantom.builder().size(48, 40, 24).build().lobeLabels());

        assertThat(s.segments()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(s.shape()).containsExactly(24, 40, 48);
    }

    @Test
    void floatImagesAndImagesWithManyValuesHaveNoSegments() {
        MetaImage floats = MetaImage.create(MetaImageHeader.of(ElementType.MET_FLOAT, 4, 4));
        MetaImage many = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 300, 1));
        for (int i = 0; i < 300; i++) {
            many.setLong(i, i);
        }
        MetaImage bounded = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 256, 1));
        for (int i = 0; i < 256; i++) {
            bounded.setLong(i, i - 100);
        }

        assertThat(ImageSummary.of(floats).segments()).isNull();
        assertThat(ImageSummary.of(many).segments()).isNull();
        assertThat(ImageSummary.of(bounded).segments()).hasSize(256).startsWith(-100L, -99L);
    }

    @Test
    void tiffImagesHaveDepthOne() throws IOException {
        ImageSummary s = ImageSummary.ofTiff(Tiff.readHeader(TestData.file("valid_tiff.tif")));

        assertThat(s.depth()).isEqualTo(1);
        assertThat(s.shape()).containsExactly(1, 205, 205, 3);
        assertThat(s.shapeWithoutColor()).containsExactly(1, 205, 205);
        assertThat(s.colorSpace()).isEqualTo("RGB");
    }

    @Test
    void filesAreSummarisedByTheirKind(@TempDir Path dir) throws IOException {
        ChestPhantom phantom = ChestPhantom.builder().size(32, 30, 12).spacing(0.5, 0.5, 2).build();
        Path labels = dir.resolve("labels.mha");
        Path ct = dir.resolve("ct.mhd");
        MetaImageWriter.write(labels, phantom.lobeLabels());
        MetaImageWriter.write(ct, phantom.ct());

        assertThat(ImageSummary.of(labels)).isEqualTo(ImageSummary.of(phantom.lobeLabels()));
        assertThat(ImageSummary.of(labels).segments()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(ImageSummary.of(ct).segments()).as("a CT has more than 256 values").isNull();
        assertThat(ImageSummary.of(ct).voxelDepthMm()).isEqualTo(2.0);
        assertThat(ImageSummary.of(TestData.file("valid_tiff.tif")).shape()).containsExactly(1, 205, 205, 3);
        assertThat(ImageSummary.of(TestData.file("image10x10x10.mha")).segments()).as("MET_DOUBLE").isNull();
    }
}
