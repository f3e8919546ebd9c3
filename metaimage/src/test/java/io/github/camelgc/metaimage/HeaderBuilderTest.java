package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header's builder and its {@link Geometry}. */
class HeaderBuilderTest {

    @Test
    void toBuilderWithoutChangesGivesAnEqualHeaderForARealFile() throws Exception {
        Path file = TestData.file("image3x4-extra-stuff.mhd");
        MetaImageHeader header = MetaImageReader.readHeader(file);

        assertThat(header.toBuilder().build()).isEqualTo(header).isNotSameAs(header);
        assertThat(header.extraKeys()).isNotEmpty();
    }

    @Test
    void aChangedCopyChangesOnlyWhatWasSet() {
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, 4, 3, 2).spacing(0.5, 0.5, 2)
                .offset(-3, 4, 5.5).anatomicalOrientation("RAI").extraKey("Modality", "MET_MOD_CT").build();

        MetaImageHeader copy = header.toBuilder().elementType(ElementType.MET_UCHAR).compressed(true).build();

        assertThat(copy.elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(copy.compressed()).isTrue();
        assertThat(copy.geometry()).isEqualTo(header.geometry());
        assertThat(copy.anatomicalOrientation()).isEqualTo("RAI");
        assertThat(copy.extraKeys()).isEqualTo(Map.of("Modality", "MET_MOD_CT"));
        assertThat(header.elementType()).as("the original is unchanged").isEqualTo(ElementType.MET_SHORT);
    }

    @Test
    void builderDefaultsAreThoseOfOf() {
        MetaImageHeader built = MetaImageHeader.builder().dimSize(5, 6).elementType(ElementType.MET_FLOAT).build();

        assertThat(built).isEqualTo(MetaImageHeader.of(ElementType.MET_FLOAT, 5, 6));
        assertThat(built.geometry()).isEqualTo(Geometry.of(5, 6));
        assertThat(built.spacing()).containsExactly(1, 1);
        assertThat(built.transformMatrix()).containsExactly(1, 0, 0, 1);
        assertThat(built.isLocal()).isTrue();
    }

    @Test
    void missingOrInconsistentValuesAreRefusedAtBuild() {
        assertThatThrownBy(() -> MetaImageHeader.builder().elementType(ElementType.MET_UCHAR).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DimSize");
        assertThatThrownBy(() -> MetaImageHeader.builder().dimSize(2, 2).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("elementType");
        assertThatThrownBy(() -> MetaImageHeader.builder(ElementType.MET_UCHAR, 2, 2).spacing(1, 1, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ElementSpacing needs 2");
        assertThatThrownBy(() -> MetaImageHeader.builder(ElementType.MET_UCHAR, 2, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DimSize");
        assertThatThrownBy(() -> MetaImageHeader.builder(ElementType.MET_UCHAR, 2).channels(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ElementNumberOfChannels");
    }

    @Test
    void anotherNumberOfAxesKeepsTheGeometryOfTheAxesThatRemain() {
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, 4, 3, 2).spacing(0.5, 0.6, 2)
                .offset(-3, 4, 5.5).transformMatrix(0, 1, 0, 1, 0, 0, 0, 0, -1).anatomicalOrientation("RAI")
                .extraKey("CenterOfRotation", "0 0 0").extraKey("Modality", "MET_MOD_CT").build();

        MetaImageHeader flat = header.toBuilder().dimSize(4, 3).build();
        MetaImageHeader deeper = header.toBuilder().dimSize(4, 3, 2, 5).build();

        assertThat(flat.spacing()).containsExactly(0.5, 0.6);
        assertThat(flat.offset()).containsExactly(-3, 4);
        assertThat(flat.transformMatrix()).containsExactly(0, 1, 1, 0);
        assertThat(flat.anatomicalOrientation()).isEqualTo("RA");
        assertThat(flat.extraKeys()).as("per-axis keys dropped").isEqualTo(Map.of("Modality", "MET_MOD_CT"));
        assertThat(deeper.spacing()).containsExactly(0.5, 0.6, 2, 1);
        assertThat(deeper.offset()).containsExactly(-3, 4, 5.5, 0);
        assertThat(deeper.transformMatrix()).containsExactly(0, 1, 0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1);
        assertThat(deeper.anatomicalOrientation()).isNull();
        assertThat(header.toBuilder().dimSize(8, 6, 4).build().spacing()).containsExactly(0.5, 0.6, 2);
    }

    @Test
    void geometryComparesContentsAndCopiesItsArrays() {
        int[] dims = {3, 2};
        double[] spacing = {0.5, 2};
        Geometry geometry = new Geometry(dims, spacing, new double[] {1, 2}, Geometry.identity(2));
        dims[0] = 99;
        spacing[0] = 99;
        geometry.spacing()[1] = 99;

        Geometry same = new Geometry(new int[] {3, 2}, new double[] {0.5, 2}, new double[] {1, 2},
                new double[] {1, 0, 0, 1});
        assertThat(geometry).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(geometry).isNotEqualTo(Geometry.of(3, 2));
        assertThat(geometry.voxelCount()).isEqualTo(6);
        assertThat(geometry.voxelVolume()).isEqualTo(1.0);
        assertThat(geometry.indexToPhysical(2, 1)).containsExactly(2, 4);
        assertThat(geometry.physicalToIndex(2, 4)).containsExactly(2, 1);
    }

    @Test
    void sameGeometryIsTheGeometrysEquality() {
        MetaImageHeader a = MetaImageHeader.builder(ElementType.MET_SHORT, 4, 3).spacing(0.5, 0.5).build();
        MetaImageHeader b = a.toBuilder().elementType(ElementType.MET_UCHAR).channels(3).build();
        MetaImageHeader c = a.toBuilder().offset(0, 1).build();

        assertThat(a.sameGeometry(b)).isTrue();
        assertThat(a.sameGeometry(c)).isFalse();
        assertThat(MetaImageHeader.builder(ElementType.MET_UCHAR).geometry(a.geometry()).build().sameGeometry(a))
                .isTrue();
    }
}
