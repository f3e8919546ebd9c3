package io.github.camelgc.metaimage.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksTest {

    private static MetaImage labels() {
        MetaImageHeader h = MetaImageHeader.builder(ElementType.MET_SHORT, 4, 3, 2).spacing(0.5, 0.5, 2)
                .offset(-3, 4, 5.5).transformMatrix(0, 1, 0, 1, 0, 0, 0, 0, -1)
                .anatomicalOrientation("RAI").extraKey("Modality", "MET_MOD_CT").build();
        MetaImage image = MetaImage.create(h);
        long[] values = {0, 1, 2, 3, 4, 5, -1, 0, 1, 1, 5, 5, 0, 0, 2, 2, 2, 3, 0, 0, 0, 0, 0, 300};
        for (int i = 0; i < values.length; i++) {
            image.setLong(i, values[i]);
        }
        return image;
    }

    @Test
    void binarizeTurnsEveryPositiveLabelIntoOneAndKeepsTheGeometry() {
        MetaImage mask = Masks.binarize(labels());

        assertThat(mask.header().elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(mask.header().sameGeometry(labels().header())).isTrue();
        assertThat(mask.header().anatomicalOrientation()).isEqualTo("RAI");
        assertThat(mask.header().extraKeys()).containsEntry("Modality", "MET_MOD_CT");
        long[] expected = {0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(mask.getLong(i)).as("voxel %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void selectLabelsKeepsOnlyTheWantedOnes() {
        MetaImage mask = Masks.selectLabels(labels(), 2, 5);

        long ones = 0;
        for (long i = 0; i < mask.elementCount(); i++) {
            ones += mask.getLong(i);
        }
        assertThat(ones).isEqualTo(4 + 3);
        assertThat(mask.getLong(2)).isEqualTo(1);
        assertThat(mask.getLong(1)).isZero();
    }

    @Test
    void labelVolumesCountVoxelsAndConvertToMillilitres() {
        Map<Long, Masks.LabelVolume> volumes = Masks.labelVolumes(labels());

        assertThat(volumes.keySet()).containsExactly(-1L, 1L, 2L, 3L, 4L, 5L, 300L);
        assertThat(volumes.get(2L).voxels()).isEqualTo(4);
        // 0.5 x 0.5 x 2 mm = 0.5 mm^3 per voxel
        assertThat(volumes.get(2L).milliliters()).isEqualTo(4 * 0.5 / 1000);
        assertThat(volumes.get(5L).voxels()).isEqualTo(3);
    }

    @Test
    void lobeVolumesOfThePhantomAddUpToItsLungMask() {
        ChestPhantom phantom = ChestPhantom.builder().size(48, 40, 24).spacing(2, 2, 4).build();
        Map<Long, Masks.LabelVolume> lobes = Masks.labelVolumes(phantom.lobeLabels());
        Map<Long, Masks.LabelVolume> lung = Masks.labelVolumes(Masks.binarize(phantom.lobeLabels()));

        assertThat(lobes.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L);
        long sum = lobes.values().stream().mapToLong(Masks.LabelVolume::voxels).sum();
        assertThat(lung.get(1L).voxels()).isEqualTo(sum);
        assertThat(lung.get(1L).milliliters()).isCloseTo(sum * 16 / 1000.0, within(1e-9));
    }

    @Test
    void fileToFileBinarizeStreamsToTheSameResult(@TempDir Path dir) throws IOException {
        MetaImage labels = labels();
        Path in = dir.resolve("labels.mhd");
        Path out = dir.resolve("mask.mha");
        MetaImageWriter.write(in, labels);

        Masks.binarize(in, out);

        MetaImage mask = MetaImageReader.read(out);
        assertThat(mask.data()).isEqualTo(Masks.binarize(labels).data());
        assertThat(mask.header().sameGeometry(labels.header())).isTrue();
    }

    @Test
    void vectorImagesAreNotLabelMaps() {
        MetaImage rgb = MetaImage.create(MetaImageHeader.builder(ElementType.MET_UCHAR, 2, 2).channels(3).build());

        assertThatThrownBy(() -> Masks.binarize(rgb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one channel, got 3");
    }

    @Test
    void fileToFileBinarizeRefusesToOverwriteItsInput(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("labels.mha");
        MetaImageWriter.write(in, labels());

        assertThatThrownBy(() -> Masks.binarize(in, in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overwrite its input");
        assertThat(MetaImageReader.read(in).data()).isEqualTo(labels().data());
    }
}
