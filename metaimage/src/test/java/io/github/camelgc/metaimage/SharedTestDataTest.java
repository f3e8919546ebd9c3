package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the real ITK/SimpleITK-written files of the Grand Challenge server's test resources. */
class SharedTestDataTest {

    static List<Path> metaImages() throws IOException {
        try (Stream<Path> files = Files.list(TestData.grandChallengeFolder())) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".mha") || p.toString().endsWith(".mhd"))
                    .sorted().collect(Collectors.toList());
            assertThat(list).hasSizeGreaterThanOrEqualTo(12);
            return list;
        }
    }

    @ParameterizedTest
    @MethodSource("metaImages")
    void everyFileReadsWithPixelsMatchingItsHeader(Path file) throws IOException {
        MetaImageHeader header = MetaImageReader.readHeader(file);
        MetaImage image = MetaImageReader.read(file);

        assertThat(image.header()).isEqualTo(header);
        assertThat(image.data().remaining()).isEqualTo(header.dataSizeBytes());
        assertThat(header.nDims()).isBetween(2, 4);
    }

    @ParameterizedTest
    @MethodSource("metaImages")
    void everyFileSurvivesWriteAndReadBack(Path file, @TempDir Path dir) throws IOException {
        MetaImage original = MetaImageReader.read(file);
        for (String name : new String[] {"copy.mha", "copy.mhd"}) {
            Path out = dir.resolve(name);
            MetaImageWriter.write(out, original);
            MetaImage back = MetaImageReader.read(out);
            assertThat(back.header().toBuilder().elementDataFile("x").build())
                    .isEqualTo(original.header().toBuilder().elementDataFile("x").build());
            assertThat(back.data()).isEqualTo(original.data());
        }
    }

    @ParameterizedTest
    @CsvSource({"image10x10x10.mha, image10x10x10.mhd", "image10x11x12x13.mha, image10x11x12x13.mhd",
        "image3x4.mhd, image3x4-extra-stuff.mhd"})
    void twinsHaveIdenticalPixelsAndGeometry(String a, String b) throws IOException {
        MetaImage first = MetaImageReader.read(TestData.file(a));
        MetaImage second = MetaImageReader.read(TestData.file(b));

        assertThat(first.header().sameGeometry(second.header())).isTrue();
        assertThat(first.header().elementType()).isEqualTo(second.header().elementType());
        assertThat(first.header().channels()).isEqualTo(second.header().channels());
        assertThat(first.data()).isEqualTo(second.data());
    }

    @Test
    void sixteenBitImageHasItsGeometryAndDecompressesToZeros() throws IOException {
        MetaImage ct = MetaImageReader.read(TestData.file("image16bit.mha"));

        assertThat(ct.header().dimSize()).containsExactly(256, 128, 64);
        assertThat(ct.header().elementType()).isEqualTo(ElementType.MET_SHORT);
        assertThat(ct.header().anatomicalOrientation()).isEqualTo("RAI");
        // The file is an all-zero volume (checked independently with Python's zlib): 4 MiB from 18 KB.
        assertThat(ct.data().remaining()).isEqualTo(4 * 1024 * 1024);
        long nonZero = 0;
        for (long i = 0; i < ct.elementCount(); i++) {
            nonZero += ct.getLong(i) != 0 ? 1 : 0;
        }
        assertThat(nonZero).isZero();
    }

    @Test
    void binaryMaskHasTheForegroundCountAnIndependentDecoderFinds() throws IOException {
        MetaImage mask = MetaImageReader.read(TestData.file("mask.mha"));

        assertThat(mask.header().dimSize()).containsExactly(1024, 1024);
        long ones = 0;
        long others = 0;
        for (long i = 0; i < mask.elementCount(); i++) {
            long v = mask.getLong(i);
            if (v == 1) {
                ones++;
            } else if (v != 0) {
                others++;
            }
        }
        assertThat(ones).isEqualTo(62141);
        assertThat(others).isZero();
    }

    @Test
    void fourDimensionalImageKeepsSpacingAndOffset() throws IOException {
        MetaImageHeader h = MetaImageReader.readHeader(TestData.file("image10x11x12x13.mha"));

        assertThat(h.dimSize()).containsExactly(10, 11, 12, 13);
        assertThat(h.spacing()).containsExactly(0.429, 0.429, 0.5, 1);
        assertThat(h.offset()).containsExactly(-131, -99, -917, 0);
        assertThat(h.elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(h.extraKeys()).containsEntry("CenterOfRotation", "0 0 0 0");
    }

    @Test
    void rgbImageHasThreeChannels() throws IOException {
        MetaImage rgb = MetaImageReader.read(TestData.file("image128x256RGB.mhd"));

        assertThat(rgb.header().channels()).isEqualTo(3);
        assertThat(rgb.elementCount()).isEqualTo(128L * 256 * 3);
    }

    @Test
    void displacementFieldIsFourDimensionalWithThreeComponentsLast() throws IOException {
        MetaImageHeader h = MetaImageReader.readHeader(TestData.file("simple_2d_displacement_field_valid.mha"));

        assertThat(h.dimSize()).containsExactly(6, 6, 1, 3);
        assertThat(h.elementType()).isEqualTo(ElementType.MET_FLOAT);
        assertThat(h.channels()).isEqualTo(1);
        assertThat(h.transformMatrix()[0]).isEqualTo(7.0555696666948888);
    }

    @Test
    void unknownKeysAreKeptInOrderThroughARoundTrip(@TempDir Path dir) throws IOException {
        MetaImage image = MetaImageReader.read(TestData.file("image3x4-extra-stuff.mhd"));
        Path out = dir.resolve("extra.mha");

        MetaImageWriter.write(out, image);

        MetaImageHeader back = MetaImageReader.readHeader(out);
        assertThat(back.extraKeys()).containsExactlyEntriesOf(image.header().extraKeys());
        assertThat(back.extraKeys()).containsEntry("Bogus", "nonsense 1234")
                .containsEntry("PatientName", "Patient 1234").containsEntry("t1", "1.2e-6");
        assertThat(back.extraKeys().keySet()).startsWith("CenterOfRotation", "ContentTimes");
    }
}
