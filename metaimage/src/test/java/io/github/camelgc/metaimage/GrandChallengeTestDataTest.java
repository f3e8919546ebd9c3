package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the real MetaImage files written by ITK/SimpleITK and the Grand Challenge platform. */
class GrandChallengeTestDataTest {

    static List<Path> files() throws IOException {
        return TestData.metaImageFiles();
    }

    @Test
    void theSharedFolderHoldsTheExpectedFiles() throws IOException {
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .contains("image10x10x10.mha", "image10x10x10.mhd", "image3x4-extra-stuff.mhd", "mask.mha")
                .hasSizeGreaterThanOrEqualTo(13);
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileIsReadAndItsPixelsMatchItsHeader(Path file) throws IOException {
        MetaImageHeader header = MetaImageReader.readHeader(file);
        MetaImage image = MetaImageReader.read(file);

        assertThat(image.header()).isEqualTo(header);
        assertThat(image.elementCount()).isEqualTo(header.voxelCount() * header.channels());
    }

    @ParameterizedTest
    @CsvSource({"image10x10x10.mha, image10x10x10.mhd", "image10x11x12x13.mha, image10x11x12x13.mhd",
            "image3x4.mhd, image3x4-extra-stuff.mhd"})
    void twinsHaveIdenticalPixelsAndGeometry(String first, String second) throws IOException {
        MetaImage a = MetaImageReader.read(TestData.file(first));
        MetaImage b = MetaImageReader.read(TestData.file(second));

        assertThat(a.header().sameGeometry(b.header())).isTrue();
        assertThat(a.header().sameLayout(b.header())).isTrue();
        assertThat(a.header().anatomicalOrientation()).isEqualTo(b.header().anatomicalOrientation());
        assertThat(a.rawData()).isEqualTo(b.rawData());
    }

    @Test
    void headerValuesOfA4dImage() throws IOException {
        MetaImageHeader h = MetaImageReader.readHeader(TestData.file("image10x11x12x13.mhd"));

        assertThat(h.dimSize()).containsExactly(10, 11, 12, 13);
        assertThat(h.elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(h.spacing()).containsExactly(0.429, 0.429, 0.5, 1);
        assertThat(h.offset()).containsExactly(-131, -99, -917, 0);
        assertThat(h.transformMatrix()).containsExactly(MetaImageHeader.identity(4));
        assertThat(h.anatomicalOrientation()).isEqualTo("RAI");
        assertThat(h.compressed()).isTrue();
        assertThat(h.msb()).isFalse();
        assertThat(h.compressedDataSize()).isEqualTo(39);
        assertThat(h.elementDataFile()).isEqualTo("image10x11x12x13.zraw");
        assertThat(h.extraKeys()).containsEntry("CenterOfRotation", "0 0 0 0");
    }

    @Test
    void extraKeysAreKeptInOrder() throws IOException {
        MetaImageHeader h = MetaImageReader.readHeader(TestData.file("image3x4-extra-stuff.mhd"));

        assertThat(h.channels()).isEqualTo(3);
        assertThat(h.extraKeys().keySet()).startsWith("CenterOfRotation", "ContentTimes", "Exposures", "t0", "t1",
                "Bogus", "PatientID");
        assertThat(h.extraKeys()).containsEntry("Bogus", "nonsense 1234")
                .containsEntry("StudyDescription", "super awesome study")
                .containsEntry("WindowWidth", "200.5");
    }

    @Test
    void pixelValuesMatchAnIndependentDecoder() throws IOException {
        // Values below were decoded with Python's zlib + struct, independently of this codec.
        MetaImage doubles = MetaImageReader.read(TestData.file("image10x10x10.mha"));
        assertThat(doubles.getDouble(0)).isEqualTo(0.5341184915127437);
        assertThat(doubles.getDouble(999)).isEqualTo(0.97311369543549);

        MetaImage chars = MetaImageReader.read(TestData.file("image5x6x7.mhd"));
        assertThat(chars.header().elementType()).isEqualTo(ElementType.MET_CHAR);
        assertThat(new long[] {chars.getLong(0), chars.getLong(4), chars.getLong(7)}).containsExactly(4, -1, -10);
        long sum = 0;
        for (int i = 0; i < chars.elementCount(); i++) {
            sum += chars.getLong(i);
        }
        assertThat(sum).isEqualTo(15);

        MetaImage mask = MetaImageReader.read(TestData.file("mask.mha"));
        long ones = 0;
        for (int i = 0; i < mask.elementCount(); i++) {
            ones += mask.getLong(i);
        }
        assertThat(ones).isEqualTo(62141);

        MetaImage field = MetaImageReader.read(TestData.file("simple_2d_displacement_field_valid.mha"));
        assertThat(field.header().dimSize()).containsExactly(6, 6, 1, 3);
        assertThat(field.getDouble(0)).isEqualTo(-1.23921799659729);
        assertThat(field.getDouble(1)).isEqualTo(3.146174192428589);
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileSurvivesAWriteReadRoundTrip(Path file, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        MetaImage original = MetaImageReader.read(file);
        for (String name : new String[] {"copy.mha", "copy.mhd"}) {
            Path out = dir.resolve(name);
            MetaImageWriter.write(out, original);
            MetaImage copy = MetaImageReader.read(out);

            assertThat(copy.header().sameGeometry(original.header())).as(name).isTrue();
            assertThat(copy.header().sameLayout(original.header())).as(name).isTrue();
            assertThat(copy.header().extraKeys()).as(name).isEqualTo(original.header().extraKeys());
            assertThat(copy.header().anatomicalOrientation()).isEqualTo(original.header().anatomicalOrientation());
            assertThat(copy.rawData()).as(name).isEqualTo(original.rawData());
        }
    }
}
