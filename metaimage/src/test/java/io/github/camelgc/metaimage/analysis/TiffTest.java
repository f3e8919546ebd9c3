package io.github.camelgc.metaimage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.metaimage.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffTest {

    @Test
    void platformBigTiffHeaderIsDescribed() throws IOException {
        // values checked independently by walking the IFDs with Python's struct module
        Tiff.TiffInfo info = Tiff.readHeader(TestData.file("valid_tiff.tif"));

        assertThat(info).isEqualTo(new Tiff.TiffInfo(205, 205, 3, 8, 2, true, true, 2));
    }

    @Test
    void writtenRgbTiffIsABaselineTiffWithThePixelsAtItsStripOffset(@TempDir Path dir) throws IOException {
        byte[] rgb = new byte[5 * 3 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 5);
        }
        Path file = dir.resolve("shot.tif");

        Tiff.writeRgb(file, 5, 3, rgb);

        assertThat(Tiff.readHeader(file)).isEqualTo(new Tiff.TiffInfo(5, 3, 3, 8, 2, false, false, 1));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("II");
        assertThat(b.getShort(2)).isEqualTo((short) 42);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd);
        int stripOffset = -1;
        int previousTag = 0;
        for (int k = 0; k < entries; k++) {
            int at = ifd + 2 + 12 * k;
            int tag = b.getShort(at) & 0xFFFF;
            assertThat(tag).as("tags ascending").isGreaterThan(previousTag);
            previousTag = tag;
            if (tag == 259) {
                assertThat(b.getShort(at + 8)).as("no compression").isEqualTo((short) 1);
            }
            if (tag == 273) {
                stripOffset = b.getInt(at + 8);
            }
        }
        assertThat(Arrays.copyOfRange(bytes, stripOffset, stripOffset + rgb.length)).isEqualTo(rgb);
        assertThat(bytes.length).isEqualTo(stripOffset + rgb.length);
    }

    @Test
    void theJdkTiffDecoderReadsOurPixelsBack(@TempDir Path dir) throws IOException {
        byte[] rgb = new byte[7 * 4 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 11 + 3);
        }
        Path file = dir.resolve("check.tif");
        Tiff.writeRgb(file, 7, 4, rgb);

        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(file.toFile());

        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(7);
        assertThat(decoded.getHeight()).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                int at = (y * 7 + x) * 3;
                int expected = ((rgb[at] & 0xFF) << 16) | ((rgb[at + 1] & 0xFF) << 8) | (rgb[at + 2] & 0xFF);
                assertThat(decoded.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void fileThatIsNotATiffIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("fake.tif"), "ObjectType = Image\nNDims = 2\n");

        assertThatThrownBy(() -> Tiff.readHeader(file)).isInstanceOf(TiffException.class)
                .hasMessageContaining("fake.tif").hasMessageContaining("not a TIFF");
    }

    @Test
    void truncatedTiffIsRefused(@TempDir Path dir) throws IOException {
        byte[] full = Files.readAllBytes(TestData.file("valid_tiff.tif"));
        Path file = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(full, 4096));

        assertThatThrownBy(() -> Tiff.readHeader(file)).isInstanceOf(TiffException.class)
                .hasMessageContaining("cut.tif").hasMessageContaining("truncated");
    }

    @Test
    void mismatchedBufferIsRefused() {
        assertThatThrownBy(() -> Tiff.writeRgb(new java.io.ByteArrayOutputStream(), 4, 4, new byte[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x4x3");
    }
}
