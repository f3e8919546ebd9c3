package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Write then read back every element type, compressed or not, inline or in a separate file, both byte orders. */
class RoundTripTest {

    static List<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            for (boolean compressed : new boolean[] {false, true}) {
                for (String ext : new String[] {".mha", ".mhd"}) {
                    all.add(Arguments.of(type, compressed, ext, false));
                }
            }
            all.add(Arguments.of(type, false, ".mha", true));
        }
        return all;
    }

    @ParameterizedTest(name = "{0} compressed={1} {2} msb={3}")
    @MethodSource("layouts")
    void pixelsAndGeometrySurvive(ElementType type, boolean compressed, String ext, boolean msb, @TempDir Path dir)
            throws IOException {
        MetaImageHeader header = MetaImageHeader.builder(type, 5, 4, 3).channels(2).compressed(compressed)
                .byteOrderMsb(msb).spacing(0.7, 0.8, 2.5).offset(-10.5, 20, 1e-3)
                .transformMatrix(0, 1, 0, -1, 0, 0, 0, 0, 1).anatomicalOrientation("RAI")
                .extraKey("Modality", "MET_MOD_CT").build();
        MetaImage image = MetaImage.create(header);
        Random random = new Random(42);
        List<Double> expected = new ArrayList<>();
        for (long i = 0; i < image.elementCount(); i++) {
            double v = type.minValue() + random.nextDouble() * (type.maxValue() - type.minValue());
            image.setDouble(i, type.isFloatingPoint() ? random.nextGaussian() * 1000 : v);
            expected.add(image.getDouble(i));
        }
        image.setDouble(0, type.minValue());
        image.setDouble(1, type.maxValue());
        expected.set(0, image.getDouble(0));
        expected.set(1, image.getDouble(1));
        Path file = dir.resolve("image" + ext);

        MetaImageWriter.write(file, image);
        MetaImage back = MetaImageReader.read(file);

        assertThat(back.header().sameGeometry(header)).isTrue();
        assertThat(back.header().elementType()).isEqualTo(type);
        assertThat(back.header().channels()).isEqualTo(2);
        assertThat(back.header().compressed()).isEqualTo(compressed);
        assertThat(back.header().byteOrderMsb()).isEqualTo(msb);
        assertThat(back.header().anatomicalOrientation()).isEqualTo("RAI");
        assertThat(back.header().extraKeys()).containsEntry("Modality", "MET_MOD_CT");
        assertThat(back.data()).isEqualTo(image.data());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(back.getDouble(i)).as("element %d", i).isEqualTo(expected.get(i));
        }
        if (type.isInteger() && type != ElementType.MET_ULONG_LONG) {
            assertThat(back.getDouble(0)).isEqualTo(type.minValue());
            assertThat(back.getDouble(1)).isEqualTo(type.maxValue());
        }
    }

    @Test
    void mhdNamesItsDataFileAfterItselfAndCompression(@TempDir Path dir) throws IOException {
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 3, 3));

        MetaImageWriter.write(dir.resolve("plain.mhd"), image);
        MetaImageWriter.write(dir.resolve("packed.mhd"),
                image.withHeader(image.header().toBuilder().compressed(true).build()));

        assertThat(dir.resolve("plain.raw")).hasSize(9);
        assertThat(dir.resolve("packed.zraw")).exists();
        assertThat(MetaImageReader.readHeader(dir.resolve("plain.mhd")).elementDataFile()).isEqualTo("plain.raw");
        assertThat(MetaImageReader.readHeader(dir.resolve("packed.mhd")).elementDataFile()).isEqualTo("packed.zraw");
    }

    @Test
    void writtenHeaderIsPlainTextInItkKeyOrderWithTheCompressedSize(@TempDir Path dir) throws IOException {
        MetaImage image = MetaImage.create(MetaImageHeader.builder(ElementType.MET_SHORT, 4, 2).compressed(true)
                .build());
        Path file = dir.resolve("small.mhd");

        MetaImageWriter.write(file, image);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long zrawSize = Files.size(dir.resolve("small.zraw"));
        assertThat(lines).containsExactly("ObjectType = Image", "NDims = 2", "BinaryData = True",
                "BinaryDataByteOrderMSB = False", "CompressedData = True", "CompressedDataSize = " + zrawSize,
                "TransformMatrix = 1 0 0 1", "Offset = 0 0", "ElementSpacing = 1 1", "DimSize = 4 2",
                "ElementType = MET_SHORT", "ElementDataFile = small.zraw");
    }

    @Test
    void setDoubleRoundsAndSaturatesIntegerTypes() {
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 4, 1));

        image.setDouble(0, 300);
        image.setDouble(1, -5);
        image.setDouble(2, 2.6);
        image.setDouble(3, Double.NaN);

        assertThat(image.getLong(0)).isEqualTo(255);
        assertThat(image.getLong(1)).isZero();
        assertThat(image.getLong(2)).isEqualTo(3);
        assertThat(image.getLong(3)).isZero();
    }

    @Test
    void headerSizeSkipsBytesAtTheStartOrTakesTheDataFromTheEnd(@TempDir Path dir) throws IOException {
        byte[] data = new byte[16 + 6];
        for (int i = 0; i < 6; i++) {
            data[16 + i] = (byte) (i + 1);
        }
        Files.write(dir.resolve("skip.raw"), data);
        String header = "NDims = 2\nDimSize = 3 2\nElementType = MET_UCHAR\n";
        Files.writeString(dir.resolve("skip.mhd"), header + "HeaderSize = 16\nElementDataFile = skip.raw\n");
        Files.writeString(dir.resolve("end.mhd"), header + "HeaderSize = -1\nElementDataFile = skip.raw\n");

        for (String name : new String[] {"skip.mhd", "end.mhd"}) {
            MetaImage image = MetaImageReader.read(dir.resolve(name));
            for (int i = 0; i < 6; i++) {
                assertThat(image.getLong(i)).as("%s element %d", name, i).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void dataFileInASubfolderOfTheHeaderIsAllowed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/pixels.raw"), new byte[] {7, 8});
        Files.writeString(dir.resolve("sub.mhd"), "NDims = 2\nDimSize = 2 1\nElementType = MET_UCHAR\n"
                + "ElementDataFile = data/pixels.raw\n");

        assertThat(MetaImageReader.read(dir.resolve("sub.mhd")).getLong(1)).isEqualTo(8);
    }

    @Test
    void extraKeysCannotInjectHeaderLines() {
        MetaImageHeader header = MetaImageHeader.of(ElementType.MET_UCHAR, 2, 2);

        assertThatThrownBy(() -> header.toBuilder()
                .extraKey("PatientName", "x\nElementDataFile = ../../etc/passwd").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> header.toBuilder().extraKey("DimSize", "9 9").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> header.toBuilder().extraKey("A = B", "c").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compressedMhaGetsItsExactCompressedSizeWhenWrittenFromMemoryAndAPaddedOneWhenStreamed(@TempDir Path dir)
            throws IOException {
        MetaImage image = MetaImage.create(MetaImageHeader.builder(ElementType.MET_SHORT, 8, 8).compressed(true)
                .build());
        Path whole = dir.resolve("whole.mha");
        Path streamed = dir.resolve("streamed.mha");

        MetaImageWriter.write(whole, image);
        try (PixelSink sink = MetaImageWriter.openPixels(streamed, image.header())) {
            sink.write(image.data());
        }

        String wholeSize = sizeLine(whole);
        String streamedSize = sizeLine(streamed);
        assertThat(wholeSize).matches("CompressedDataSize = [1-9][0-9]*");
        assertThat(streamedSize).matches("CompressedDataSize = 0+[1-9][0-9]*");
        assertThat(Long.parseLong(streamedSize.substring(21))).isEqualTo(Long.parseLong(wholeSize.substring(21)));
        assertThat(MetaImageReader.read(streamed).data()).isEqualTo(MetaImageReader.read(whole).data());
    }

    private static String sizeLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        return text.lines().filter(l -> l.startsWith("CompressedDataSize")).findFirst().orElseThrow();
    }

    @Test
    void mhdWhoseLastLineHasNoNewlineAndWindowsLineEndingsIsRead(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("crlf.raw"), new byte[] {1, 2, 3, 4});
        Files.writeString(dir.resolve("crlf.mhd"), "NDims = 2\r\nDimSize = 2 2\r\nElementType = MET_UCHAR\r\n"
                + "ElementDataFile = crlf.raw");

        MetaImage image = MetaImageReader.read(dir.resolve("crlf.mhd"));

        assertThat(image.header().elementDataFile()).isEqualTo("crlf.raw");
        assertThat(image.getLong(3)).isEqualTo(4);
    }
}
