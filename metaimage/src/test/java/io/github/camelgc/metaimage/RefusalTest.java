package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad files are refused with a MetaImageException that names the file and the problem. */
class RefusalTest {

    @TempDir
    Path dir;

    private static final String GOOD = "ObjectType = Image\nNDims = 2\nBinaryData = True\n"
            + "BinaryDataByteOrderMSB = False\nCompressedData = False\nDimSize = 4 2\nElementType = MET_UCHAR\n";

    private Path mhd(String name, String header) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header, StandardCharsets.UTF_8);
        return file;
    }

    private Path mha(String name, String header, byte[] data) throws IOException {
        Path file = dir.resolve(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(data);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater())) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void absoluteDataFilePathIsRefused() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.raw"), "12345678");
        Path header = mhd("abs.mhd", GOOD + "ElementDataFile = " + outside.toAbsolutePath() + "\n");

        assertThatThrownBy(() -> MetaImageReader.read(header)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("abs.mhd").hasMessageContaining("is an absolute path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.raw", "sub/../../secret.raw", "..\\secret.raw"})
    void dataFilePathLeavingTheFolderIsRefused(String name) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("secret.raw"), "12345678");
        Path header = Files.writeString(sub.resolve("dotdot.mhd"), GOOD + "ElementDataFile = " + name + "\n");

        assertThatThrownBy(() -> MetaImageReader.openPixels(header)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("dotdot.mhd").hasMessageContaining("leaves the header's folder");
        assertThatThrownBy(() -> MetaImageReader.readHeader(header)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("leaves the header's folder");
    }

    @Test
    void dataFileLinkingOutOfTheFolderIsRefused() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path secret = Files.writeString(dir.resolve("secret.raw"), "12345678");
        Files.createSymbolicLink(sub.resolve("link.raw"), secret);
        Path header = Files.writeString(sub.resolve("link.mhd"), GOOD + "ElementDataFile = link.raw\n");

        assertThatThrownBy(() -> MetaImageReader.read(header)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("link.mhd").hasMessageContaining("outside the header's folder");
    }

    @Test
    void headerThatIsNotUtf8IsRefused() throws IOException {
        byte[] bad = (GOOD + "PatientName = X\n").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 3] = (byte) 0xFF;
        Path file = mha("latin.mha", "", bad);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("latin.mha").hasMessageContaining("line 8 is not valid UTF-8");
    }

    @Test
    void binaryFileIsRefusedAsNotAHeader() throws IOException {
        Path file = mha("picture.mha", "", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("picture.mha");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NDims", "DimSize", "ElementType"})
    void missingRequiredKeyIsRefused(String key) throws IOException {
        String header = (GOOD + "ElementDataFile = LOCAL\n").replaceAll("(?m)^" + key + " = .*\n", "");
        Path file = mha("missing.mha", header, new byte[8]);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("missing.mha").hasMessageContaining("missing required header key " + key);
    }

    @Test
    void headerWithoutElementDataFileIsRefused() throws IOException {
        Path file = mhd("nodata.mhd", GOOD);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("nodata.mhd").hasMessageContaining("without the required key ElementDataFile");
    }

    @Test
    void unknownElementTypeIsRefused() throws IOException {
        Path file = mha("odd.mha", GOOD.replace("MET_UCHAR", "MET_FLOAT16") + "ElementDataFile = LOCAL\n", new byte[8]);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("odd.mha").hasMessageContaining("unknown ElementType")
                .hasMessageNotContaining("MET_FLOAT16")
                .extracting(e -> ((MetaImageException) e).problem()).isEqualTo(MetaImageException.Problem.UNSUPPORTED);
    }

    @Test
    void dimSizeWithTheWrongNumberOfValuesIsRefused() throws IOException {
        Path file = mha("dims.mha", GOOD.replace("DimSize = 4 2", "DimSize = 4 2 3") + "ElementDataFile = LOCAL\n",
                new byte[8]);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("dims.mha").hasMessageContaining("has 3 values; expected 2");
    }

    @Test
    void rawDataShorterThanDimSizeIsRefused() throws IOException {
        Path file = mha("short.mha", GOOD + "ElementDataFile = LOCAL\n", new byte[7]);

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("short.mha").hasMessageContaining("truncated")
                .hasMessageContaining("needs 8 bytes but the file holds 7");
    }

    @Test
    void rawDataLongerThanDimSizeIsRefused() throws IOException {
        Files.write(dir.resolve("long.raw"), new byte[9]);
        Path file = mhd("long.mhd", GOOD + "ElementDataFile = long.raw\n");

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("long.raw").hasMessageContaining("has 9 bytes but DimSize [4, 2]");
    }

    @Test
    void compressedDataDecompressingToMoreThanDimSizeIsRefused() throws IOException {
        Path file = mha("more.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "ElementDataFile = LOCAL\n", zlib(new byte[12]));

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("more.mha").hasMessageContaining("decompresses to more than the 8 bytes");
    }

    @Test
    void truncatedCompressedDataIsRefused() throws IOException {
        byte[] full = zlib(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 6);
        Path file = mha("cut.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "ElementDataFile = LOCAL\n", cut);

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("cut.mha").hasMessageContaining("compressed pixel data is truncated");
    }

    @Test
    void compressedDataShorterThanItsDeclaredSizeIsRefused() throws IOException {
        byte[] full = zlib(new byte[8]);
        Path file = mha("declared.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "CompressedDataSize = " + (full.length + 100) + "\nElementDataFile = LOCAL\n", full);

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("declared.mha").hasMessageContaining("CompressedDataSize = " + (full.length + 100));
    }

    @Test
    void corruptCompressedDataIsRefused() throws IOException {
        byte[] garbage = "this is not zlib at all".getBytes(StandardCharsets.US_ASCII);
        Path file = mha("corrupt.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "ElementDataFile = LOCAL\n", garbage);

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("corrupt.mha").hasMessageContaining("compressed pixel data is corrupt");
    }

    @Test
    void missingDataFileIsRefusedButTheHeaderStillReads() throws IOException {
        Path file = mhd("lonely.mhd", GOOD + "ElementDataFile = lonely.raw\n");

        assertThat(MetaImageReader.readHeader(file).dimSize()).containsExactly(4, 2);
        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("lonely.mhd").hasMessageNotContaining("lonely.raw")
                .hasMessageContaining("does not exist")
                .extracting(e -> ((MetaImageException) e).problem()).isEqualTo(MetaImageException.Problem.DATA_FILE);
    }

    @Test
    void readingTheHeaderDoesNotTouchThePixelData() throws IOException {
        // Corrupt compressed data after a valid header: readHeader must succeed as it never decodes pixels.
        Path file = mha("lazy.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "ElementDataFile = LOCAL\n", new byte[] {1, 2, 3});

        assertThat(MetaImageReader.readHeader(file).compressed()).isTrue();
    }

    @Test
    void missingFileIsRefused() {
        Path file = dir.resolve("nowhere.mha");

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("nowhere.mha").hasMessageContaining("does not exist");
    }

    @Test
    void unknownOutputExtensionIsRefused() {
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 2, 2));

        assertThatThrownBy(() -> MetaImageWriter.write(dir.resolve("image.png"), image))
                .isInstanceOf(MetaImageException.class).hasMessageContaining("image.png")
                .hasMessageContaining("expected .mha");
    }

    @Test
    void sinkClosedBeforeAllPixelsIsRefusedAndRemovesThePartialFile() throws IOException {
        Path file = dir.resolve("partial.mha");
        PixelSink sink = MetaImageWriter.openPixels(file, MetaImageHeader.of(ElementType.MET_UCHAR, 4, 2));
        sink.write(ByteBuffer.wrap(new byte[4]));

        assertThatThrownBy(sink::close).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("partial.mha").hasMessageContaining("closed after 4 of 8 pixel bytes");
        assertThat(file).doesNotExist();
    }

    @Test
    void sinkRefusesMoreBytesThanTheHeaderDescribes() throws IOException {
        Path file = dir.resolve("overflow.mha");
        try (PixelSink sink = MetaImageWriter.openPixels(file, MetaImageHeader.of(ElementType.MET_UCHAR, 4, 2))) {
            sink.write(ByteBuffer.wrap(new byte[8]));
            assertThatThrownBy(() -> sink.write(ByteBuffer.wrap(new byte[1]))).isInstanceOf(MetaImageException.class)
                    .hasMessageContaining("overflow.mha").hasMessageContaining("only 0 of the 8 bytes");
        }
        assertThat(MetaImageReader.read(file).elementCount()).isEqualTo(8);
    }

    /** A file handed over as an image may be anything: no refusal repeats what the file holds. */
    @ParameterizedTest
    @ValueSource(strings = {
        "root:x:0:0:s3cr3t:/root:/bin/bash\n",
        "ObjectType = s3cr3t\n",
        "NDims = s3cr3t\n",
        "NDims = 2\nDimSize = 4 s3cr3t\n",
        "NDims = 2\nDimSize = 4 2 s3cr3t\n",
        "NDims = 2\nDimSize = 4 2\nElementType = s3cr3t\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nCompressedData = s3cr3t\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nElementSpacing = 1 s3cr3t\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nuser:s3cr3t = 1\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nElementDataFile = /etc/s3cr3t\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nElementDataFile = ../s3cr3t.raw\n",
        "NDims = 2\nDimSize = 4 2\nElementType = MET_UCHAR\nElementDataFile = s3cr3t.raw\n",
        "NDims = 2\nDimSize = -4 2\nElementType = MET_UCHAR\nComment = s3cr3t\nElementDataFile = LOCAL\n"})
    void refusalsNeverQuoteTheFilesContent(String header) throws IOException {
        Path file = mha("content.mhd", header + (header.contains("ElementDataFile") ? "" : "ElementDataFile = LOCAL\n"),
                new byte[8]);

        assertThatThrownBy(() -> MetaImageReader.read(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("content.mhd").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aDimSizeWhoseByteCountOverflowsIsAnInvalidHeaderNotAnArithmeticError() throws IOException {
        Path file = mha("huge.mha", "NDims = 3\nDimSize = 2147483647 2147483647 2147483647\nElementType = MET_DOUBLE\n"
                + "ElementDataFile = LOCAL\n", new byte[8]);

        assertThatThrownBy(() -> MetaImageReader.readHeader(file)).isInstanceOf(MetaImageException.class)
                .hasMessageContaining("more bytes than any file can hold")
                .extracting(e -> ((MetaImageException) e).problem())
                .isEqualTo(MetaImageException.Problem.INVALID_HEADER);
    }

    @Test
    void eachRefusalSaysWhatKindOfProblemItIs() throws IOException {
        assertThat(problemOf(mha("text.mha", "hello\n", new byte[0]))).isEqualTo(MetaImageException.Problem.NOT_METAIMAGE);
        assertThat(problemOf(mha("ascii.mha", GOOD.replace("BinaryData = True", "BinaryData = False")
                + "ElementDataFile = LOCAL\n", new byte[8]))).isEqualTo(MetaImageException.Problem.UNSUPPORTED);
        assertThat(problemOf(mha("short.mha", GOOD + "ElementDataFile = LOCAL\n", new byte[7])))
                .isEqualTo(MetaImageException.Problem.TRUNCATED);
        assertThat(problemOf(mha("long.mha", GOOD + "ElementDataFile = LOCAL\n", new byte[9])))
                .isEqualTo(MetaImageException.Problem.MISMATCH);
        assertThat(problemOf(mha("corrupt.mha", GOOD.replace("CompressedData = False", "CompressedData = True")
                + "ElementDataFile = LOCAL\n", new byte[] {0x78, (byte) 0x9c, 1, 2, 3, 4, 5, 6})))
                .isEqualTo(MetaImageException.Problem.CORRUPT);
    }

    private static MetaImageException.Problem problemOf(Path file) {
        try {
            MetaImageReader.read(file);
            throw new AssertionError(file + " was read");
        } catch (MetaImageException e) {
            return e.problem();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
