package io.github.camelgc.metaimage.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import org.junit.jupiter.api.Test;

class ChestPhantomTest {

    private static final ChestPhantom PHANTOM = ChestPhantom.builder().size(64, 56, 40).spacing(0.8, 0.8, 2.0)
            .seed(11).noise(20).build();

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedOnlyOtherNoise() {
        ChestPhantom again = ChestPhantom.builder().size(64, 56, 40).spacing(0.8, 0.8, 2.0).seed(11).noise(20).build();
        ChestPhantom other = ChestPhantom.builder().size(64, 56, 40).spacing(0.8, 0.8, 2.0).seed(12).noise(20).build();

        assertThat(again.ct().data()).isEqualTo(PHANTOM.ct().data());
        assertThat(other.ct().data()).isNotEqualTo(PHANTOM.ct().data());
        assertThat(other.lobeLabels().data()).isEqualTo(PHANTOM.lobeLabels().data());
    }

    @Test
    void ctIsShortHounsfieldUnitsWithTheRequestedGeometry() {
        MetaImage ct = PHANTOM.ct();

        assertThat(ct.header().elementType()).isEqualTo(ElementType.MET_SHORT);
        assertThat(ct.header().dimSize()).containsExactly(64, 56, 40);
        assertThat(ct.header().spacing()).containsExactly(0.8, 0.8, 2.0);
        // identity direction in LPS coordinates is what ITK's MetaIO calls RAI
        assertThat(ct.header().anatomicalOrientation()).isEqualTo("RAI");
        assertThat(ct.header().transformMatrix()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(PHANTOM.lobeLabels().header().elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(PHANTOM.lobeLabels().header().sameGeometry(ct.header())).isTrue();
    }

    @Test
    void tissuesHaveRealisticHounsfieldValues() {
        MetaImage ct = PHANTOM.ct();
        double clip = ChestPhantom.NOISE_CLIP_SIGMAS * 20;

        assertThat(ct.getDouble(ct.voxelIndex(0, 0, 20))).isBetween(-1000 - clip, -1000 + clip);
        assertThat(ct.getDouble(ct.voxelIndex(32, 44, 20))).as("vertebra").isBetween(700 - clip, 700 + clip);
        assertThat(ct.getDouble(ct.voxelIndex(32, 28, 5))).as("mediastinum below the lungs")
                .isBetween(40 - clip, 40 + clip);
        double lungSum = 0;
        long lungCount = 0;
        MetaImage labels = PHANTOM.lobeLabels();
        for (long i = 0; i < ct.elementCount(); i++) {
            if (labels.getLong(i) > 0) {
                assertThat(ct.getDouble(i)).isBetween(-850 - clip, -850 + clip);
                lungSum += ct.getDouble(i);
                lungCount++;
            }
        }
        assertThat(lungSum / lungCount).isBetween(-855.0, -845.0);
    }

    @Test
    void fiveLobesSitWhereAnatomySaysTheyDo() {
        MetaImage labels = PHANTOM.lobeLabels();
        double[][] centroid = new double[6][4]; // x, y, z, count
        for (int z = 0; z < 40; z++) {
            for (int y = 0; y < 56; y++) {
                for (int x = 0; x < 64; x++) {
                    int label = (int) labels.getLong(labels.voxelIndex(x, y, z));
                    centroid[label][0] += x;
                    centroid[label][1] += y;
                    centroid[label][2] += z;
                    centroid[label][3]++;
                }
            }
        }
        for (int label = 1; label <= 5; label++) {
            assertThat(centroid[label][3]).as(LobeRule.name(label)).isGreaterThan(100);
            for (int k = 0; k < 3; k++) {
                centroid[label][k] /= centroid[label][3];
            }
        }
        // patient right is image x below the middle (LPS)
        assertThat(centroid[LobeRule.RIGHT_UPPER][0]).isLessThan(32);
        assertThat(centroid[LobeRule.RIGHT_MIDDLE][0]).isLessThan(32);
        assertThat(centroid[LobeRule.RIGHT_LOWER][0]).isLessThan(32);
        assertThat(centroid[LobeRule.LEFT_UPPER][0]).isGreaterThan(32);
        assertThat(centroid[LobeRule.LEFT_LOWER][0]).isGreaterThan(32);
        // upper lobes above lower lobes; lower lobes behind; the middle lobe in front
        assertThat(centroid[LobeRule.RIGHT_UPPER][2]).isGreaterThan(centroid[LobeRule.RIGHT_LOWER][2]);
        assertThat(centroid[LobeRule.LEFT_UPPER][2]).isGreaterThan(centroid[LobeRule.LEFT_LOWER][2]);
        assertThat(centroid[LobeRule.LEFT_LOWER][1]).isGreaterThan(centroid[LobeRule.LEFT_UPPER][1]);
        assertThat(centroid[LobeRule.RIGHT_MIDDLE][1]).isLessThan(centroid[LobeRule.RIGHT_LOWER][1]);
    }

    @Test
    void airwaysAreAirAndNoLobe() {
        ChestPhantom withAirways = ChestPhantom.builder().size(64, 56, 40).noise(0).airways(true).build();
        ChestPhantom without = ChestPhantom.builder().size(64, 56, 40).noise(0).airways(false).build();
        // trachea centre near the top of the image
        long trachea = withAirways.ct().voxelIndex(32, 26, 38);

        assertThat(withAirways.ct().getLong(trachea)).isEqualTo(-1000);
        assertThat(without.ct().getLong(trachea)).isEqualTo(40);
        long lungVoxelsWith = countNonZero(withAirways.lobeLabels());
        long lungVoxelsWithout = countNonZero(without.lobeLabels());
        assertThat(lungVoxelsWith).isLessThan(lungVoxelsWithout);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> ChestPhantom.builder().size(0, 4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1x1x1");
        assertThatThrownBy(() -> ChestPhantom.builder().noise(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise must be");
        assertThatThrownBy(() -> ChestPhantom.builder().spacing(1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spacing must be positive");
    }

    @Test
    void tinyPhantomsAreDrawnWithoutError() {
        ChestPhantom tiny = ChestPhantom.builder().size(1, 1, 1).build();

        assertThat(tiny.ct().elementCount()).isEqualTo(1);
        assertThat(tiny.lobeLabels().elementCount()).isEqualTo(1);
    }

    static long countNonZero(MetaImage image) {
        long n = 0;
        for (long i = 0; i < image.elementCount(); i++) {
            n += image.getLong(i) != 0 ? 1 : 0;
        }
        return n;
    }
}
