package io.github.camelgc.metaimage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LobeSegmentationTest {

    @ParameterizedTest(name = "{0}x{1}x{2} spacing {3} seed {4} noise {5} airways {6}")
    @CsvSource({
        "64, 56, 40, 0.8, 1, 20, true",
        "96, 96, 48, 1.5, 7, 25, true",
        "50, 70, 33, 1.0, 3, 0, false",
        "31, 29, 17, 2.0, 99, 25, true"})
    void segmentationOfThePhantomEqualsItsLobeLabels(int nx, int ny, int nz, double spacing, long seed,
            double noise, boolean airways) {
        ChestPhantom phantom = ChestPhantom.builder().size(nx, ny, nz).spacing(spacing, spacing, 2 * spacing)
                .seed(seed).noise(noise).airways(airways).build();

        MetaImage labels = LobeSegmentation.segment(phantom.ct());

        assertThat(labels.header().elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(labels.header().sameGeometry(phantom.ct().header())).isTrue();
        assertThat(labels.data()).isEqualTo(phantom.lobeLabels().data());
    }

    @Test
    void sidesFollowPhysicalSpaceNotTheIndexOrder() {
        ChestPhantom phantom = ChestPhantom.builder().size(48, 40, 24).seed(2).build();
        // The same patient stored with the x axis reversed: mirrored pixels, direction -1 along x.
        MetaImageHeader h = phantom.ct().header();
        double[] o = h.offset();
        MetaImageHeader flipped = h.toBuilder().transformMatrix(-1, 0, 0, 0, 1, 0, 0, 0, 1)
                .offset(o[0] + (h.dim(0) - 1) * h.spacing()[0], o[1], o[2]).build();
        MetaImage ct = mirrorX(phantom.ct(), flipped);

        MetaImage labels = LobeSegmentation.segment(ct);

        MetaImage expected = mirrorX(phantom.lobeLabels(),
                flipped.toBuilder().elementType(ElementType.MET_UCHAR).build());
        assertThat(labels.data()).isEqualTo(expected.data());
    }

    private static MetaImage mirrorX(MetaImage image, MetaImageHeader header) {
        MetaImage out = MetaImage.create(header);
        int nx = header.dim(0);
        for (long i = 0; i < image.elementCount(); i++) {
            long x = i % nx;
            out.setLong(i - x + (nx - 1 - x), image.getLong(i));
        }
        return out;
    }

    @Test
    void aTwoDimensionalSliceIsSegmentedIntoBothLungs() {
        ChestPhantom phantom = ChestPhantom.builder().size(64, 56, 40).build();
        MetaImage ct = phantom.ct();
        MetaImageHeader sliceHeader = MetaImageHeader.builder(ElementType.MET_SHORT, 64, 56).spacing(1, 1).build();
        MetaImage slice = MetaImage.create(sliceHeader);
        long base = ct.voxelIndex(0, 0, 20);
        for (int i = 0; i < 64 * 56; i++) {
            slice.setLong(i, ct.getLong(base + i));
        }

        MetaImage labels = LobeSegmentation.segment(slice);

        long[] counts = new long[6];
        for (long i = 0; i < labels.elementCount(); i++) {
            counts[(int) labels.getLong(i)]++;
        }
        long rightLung = counts[3] + counts[4] + counts[5];
        long leftLung = counts[1] + counts[2];
        assertThat(rightLung).isPositive();
        assertThat(leftLung).isPositive();
        assertThat(rightLung + leftLung).isEqualTo(64 * 56 - counts[0]);
    }

    @Test
    void imagesWithoutLungGiveAnEmptyLabelMap() {
        MetaImage water = MetaImage.create(MetaImageHeader.of(ElementType.MET_FLOAT, 20, 20, 5));
        MetaImage air = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 20, 20, 5));
        for (long i = 0; i < air.elementCount(); i++) {
            air.setLong(i, -1000);
        }

        assertThat(Arrays.stream(toLongs(LobeSegmentation.segment(water))).sum()).isZero();
        assertThat(Arrays.stream(toLongs(LobeSegmentation.segment(air))).sum()).isZero();
    }

    @Test
    void vectorImagesAreRefused() {
        MetaImage rgb = MetaImage.create(MetaImageHeader.builder(ElementType.MET_UCHAR, 4, 4).channels(3).build());

        assertThatThrownBy(() -> LobeSegmentation.segment(rgb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scalar CT");
    }

    private static long[] toLongs(MetaImage image) {
        long[] values = new long[(int) image.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = image.getLong(i);
        }
        return values;
    }
}
