package io.github.camelgc.metaimage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.TestData;
import io.github.camelgc.metaimage.ops.Masks;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentroidRegistrationTest {

    private static final ChestPhantom PHANTOM = ChestPhantom.builder().size(40, 36, 24).spacing(1.5, 1.5, 3)
            .seed(5).build();

    @Test
    void movingImageShiftedInSpaceIsRegisteredExactly() {
        MetaImage fixed = PHANTOM.ct();
        MetaImage fixedMask = Masks.binarize(PHANTOM.lobeLabels());
        double[] o = fixed.header().offset();
        // the same pixels placed 3 voxels further in x, 2 voxels back in y, 1 slice up (mm)
        MetaImageHeader shifted = fixed.header().toBuilder().offset(o[0] + 4.5, o[1] - 3, o[2] + 3).build();
        MetaImage moving = fixed.withHeader(shifted);
        MetaImage movingMask = fixedMask.withHeader(
                fixedMask.header().toBuilder().offset(o[0] + 4.5, o[1] - 3, o[2] + 3).build());

        CentroidRegistration.Result result = CentroidRegistration.register(fixed, moving, fixedMask, movingMask);

        assertThat(result.displacement()[0]).isCloseTo(4.5, within(1e-9));
        assertThat(result.displacement()[1]).isCloseTo(-3, within(1e-9));
        assertThat(result.displacement()[2]).isCloseTo(3, within(1e-9));
        assertThat(result.registered().header().sameGeometry(fixed.header())).isTrue();
        assertThat(result.registered().data()).isEqualTo(fixed.data());
    }

    @Test
    void pixelsShiftedOnTheSameGridAreMovedBackInsideTheOverlap() {
        MetaImage fixed = PHANTOM.ct();
        MetaImage fixedMask = Masks.binarize(PHANTOM.lobeLabels());
        MetaImage moving = shiftX(fixed, 2);
        MetaImage movingMask = shiftX(fixedMask, 2);

        CentroidRegistration.Result result = CentroidRegistration.register(fixed, moving, fixedMask, movingMask);

        assertThat(result.displacement()[0]).isCloseTo(2 * 1.5, within(1e-9));
        MetaImage registered = result.registered();
        for (int z = 0; z < 24; z++) {
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 38; x++) {
                    long i = fixed.voxelIndex(x, y, z);
                    assertThat(registered.getLong(i)).isEqualTo(fixed.getLong(i));
                }
            }
        }
    }

    @Test
    void displacementFieldHasThePlatformLayout(@TempDir Path dir) throws IOException {
        MetaImage fixed = PHANTOM.ct();
        MetaImage mask = Masks.binarize(PHANTOM.lobeLabels());
        MetaImage moving = fixed.withHeader(fixed.header().toBuilder().offset(0, 0, 0).build());
        MetaImage movingMask = mask.withHeader(mask.header().toBuilder().offset(0, 0, 0).build());

        CentroidRegistration.Result result = CentroidRegistration.register(fixed, moving, mask, movingMask);
        Path file = dir.resolve("field.mha");
        MetaImageWriter.write(file, result.displacementField());
        MetaImage field = MetaImageReader.read(file);

        MetaImageHeader sample = MetaImageReader.readHeader(TestData.file("simple_2d_displacement_field_valid.mha"));
        assertThat(field.header().nDims()).isEqualTo(sample.nDims());
        assertThat(field.header().elementType()).isEqualTo(sample.elementType());
        assertThat(field.header().channels()).isEqualTo(sample.channels());
        assertThat(field.header().dimSize()).containsExactly(40, 36, 24, 3);
        assertThat(field.header().spacing()).containsExactly(1.5, 1.5, 3, 1);
        double[] o = fixed.header().offset();
        long voxels = 40L * 36 * 24;
        for (int c = 0; c < 3; c++) {
            assertThat(field.getDouble(c * voxels)).isCloseTo(-o[c], within(1e-4));
            assertThat(field.getDouble(c * voxels + voxels - 1)).isCloseTo(-o[c], within(1e-4));
        }
    }

    @Test
    void twoDimensionalImagesGiveAFieldWithOneSliceLikeThePlatformSample() {
        MetaImage fixed = MetaImage.create(MetaImageHeader.of(ElementType.MET_FLOAT, 6, 6));
        MetaImage mask = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 6, 6));
        mask.setLong(mask.voxelIndex(2, 2), 1);
        MetaImage movingMask = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 6, 6));
        movingMask.setLong(movingMask.voxelIndex(3, 1), 1);

        CentroidRegistration.Result result = CentroidRegistration.register(fixed, fixed, mask, movingMask);

        assertThat(result.displacementField().header().dimSize()).containsExactly(6, 6, 1, 3);
        assertThat(result.displacement()).containsExactly(1, -1, 0);
    }

    @Test
    void emptyMaskIsRefused() {
        MetaImage empty = MetaImage.create(PHANTOM.lobeLabels().header());

        assertThatThrownBy(() -> CentroidRegistration.register(PHANTOM.ct(), PHANTOM.ct(), empty,
                PHANTOM.lobeLabels())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed mask is empty");
    }

    private static MetaImage shiftX(MetaImage image, int voxels) {
        MetaImage out = MetaImage.create(image.header());
        MetaImageHeader h = image.header();
        for (int z = 0; z < h.dim(2); z++) {
            for (int y = 0; y < h.dim(1); y++) {
                for (int x = voxels; x < h.dim(0); x++) {
                    out.setDouble(out.voxelIndex(x, y, z), image.getDouble(image.voxelIndex(x - voxels, y, z)));
                }
            }
        }
        return out;
    }
}
