package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** write → read keeps pixels and header for every element type, compressed or not, .mha or .mhd, both byte orders. */
class RoundTripTest {

    @TempDir
    Path dir;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            for (boolean compressed : new boolean[] {false, true}) {
                for (String ext : new String[] {".mha", ".mhd"}) {
                    cases.add(Arguments.of(type, compressed, ext, false));
                }
            }
            cases.add(Arguments.of(type, true, ".mha", true));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} compressed={1} {2} msb={3}")
    @MethodSource("cases")
    void pixelsAndHeaderSurvive(ElementType type, boolean compressed, String ext, boolean msb) throws IOException {
        MetaImageHeader header = MetaImageHeader.builder(type, 7, 5, 3).channels(2)
                .spacing(0.7, 0.7, 2.5).offset(-100.25, 20, 1e-7)
                .transformMatrix(0, 1, 0, -1, 0, 0, 0, 0, 1).anatomicalOrientation("RAI")
                .compressed(compressed).msb(msb).extraKey("PatientID", "anon 7").build();
        MetaImage image = MetaImage.create(header);
        Random random = new Random(42);
        for (int i = 0; i < image.elementCount(); i++) {
            if (type.isFloatingPoint()) {
                image.setDouble(i, random.nextGaussian() * 1000);
            } else {
                image.setLong(i, random.nextLong());
            }
        }
        Path file = dir.resolve("image" + ext);

        MetaImageWriter.write(file, image);
        MetaImage copy = MetaImageReader.read(file);

        assertThat(copy.header().sameLayout(header)).isTrue();
        assertThat(copy.header().sameGeometry(header)).isTrue();
        assertThat(copy.header().anatomicalOrientation()).isEqualTo("RAI");
        assertThat(copy.header().compressed()).isEqualTo(compressed);
        assertThat(copy.header().extraKeys()).containsExactly(java.util.Map.entry("PatientID", "anon 7"));
        for (int i = 0; i < image.elementCount(); i++) {
            assertThat(copy.getDouble(i)).as("element %d", i).isEqualTo(image.getDouble(i));
        }
        if (ext.equals(".mhd")) {
            String data = compressed ? "image.zraw" : "image.raw";
            assertThat(copy.header().elementDataFile()).isEqualTo(data);
            assertThat(dir.resolve(data)).exists();
        } else {
            assertThat(copy.header().elementDataFile()).isEqualTo(MetaImageHeader.LOCAL);
            try (var files = Files.list(dir)) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Test
    void headerTextLooksLikeItksAndStatesTheCompressedSize() throws IOException {
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, 4, 3).compressed(true)
                .spacing(0.5, 1.25).build();
        Path file = dir.resolve("small.mha");
        MetaImageWriter.write(file, MetaImage.create(header));

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String head = text.substring(0, text.indexOf("ElementDataFile = LOCAL\n") + 24);
        long compressedSize = bytes.length - head.length();
        assertThat(head).startsWith("ObjectType = Image\nNDims = 2\nBinaryData = True\n"
                + "BinaryDataByteOrderMSB = False\nCompressedData = True\nCompressedDataSize = " + compressedSize + "\n"
                + "TransformMatrix = 1 0 0 1\nOffset = 0 0\nElementSpacing = 0.5 1.25\nDimSize = 4 3\n"
                + "ElementType = MET_SHORT\nElementDataFile = LOCAL\n");
    }

    @Test
    void typedAccessSaturatesAndRounds() {
        MetaImage image = MetaImage.create(MetaImageHeader.builder(ElementType.MET_UCHAR, 4).build());
        image.setLong(0, 300);
        image.setLong(1, -5);
        image.setDouble(2, 41.6);
        image.setDouble(3, Double.NaN);

        assertThat(new long[] {image.getLong(0), image.getLong(1), image.getLong(2), image.getLong(3)})
                .containsExactly(255, 0, 42, 0);
    }

    @Test
    void unsignedTypesReadAsUnsigned() {
        MetaImage image = MetaImage.create(MetaImageHeader.builder(ElementType.MET_UINT, 1).build());
        image.setLong(0, 4_000_000_000L);
        assertThat(image.getLong(0)).isEqualTo(4_000_000_000L);

        MetaImage big = MetaImage.create(MetaImageHeader.builder(ElementType.MET_ULONG_LONG, 1).build());
        big.setDouble(0, 0x1p63 + 0x1p20);
        assertThat(big.getDouble(0)).isEqualTo(0x1p63 + 0x1p20);
    }

    @Test
    void changingTheByteOrderConvertsThePixels() {
        MetaImage image = MetaImage.create(MetaImageHeader.builder(ElementType.MET_SHORT, 2).build());
        image.setLong(0, -1234);
        image.setLong(1, 513);

        MetaImage swapped = image.withHeader(image.header().withMsb(true));

        assertThat(swapped.getLong(0)).isEqualTo(-1234);
        assertThat(swapped.getLong(1)).isEqualTo(513);
        assertThat(swapped.rawData().get(2)).as("high byte of 513 first").isEqualTo((byte) 2);
    }

    @Test
    void physicalCoordinatesFollowSpacingOffsetAndDirection() {
        MetaImageHeader h = MetaImageHeader.builder(ElementType.MET_SHORT, 10, 10).spacing(2, 3).offset(5, 7)
                .transformMatrix(0, 1, -1, 0).build();

        double[] p = h.indexToPhysical(1, 1);

        // axis x points along +y, axis y along -x (MetaIO stores one axis direction per row)
        assertThat(p).containsExactly(5 - 3, 7 + 2);
        assertThat(h.physicalToIndex(p)).containsExactly(1, 1);
    }
}
