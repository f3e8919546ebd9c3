package io.github.camelgc.metaimage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads MetaImage files: {@code .mha} with inline data ({@code ElementDataFile = LOCAL}) or a {@code .mhd}
 * header with a separate {@code .raw}/{@code .zraw} file in the same folder.
 */
public final class MetaImageReader {

    private MetaImageReader() {
    }

    /**
     * Reads only the header; pixel data are not touched. A data file name that would leave the header's
     * folder is refused here already.
     */
    public static MetaImageHeader readHeader(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            MetaImageHeader header = HeaderCodec.parse(file, in).header();
            if (!MetaImageHeader.LOCAL.equals(header.elementDataFile())) {
                DataFiles.resolve(file, header.elementDataFile());
            }
            return header;
        }
    }

    /** Reads the whole image into memory (images under 2 GiB of pixel data). */
    public static MetaImage read(Path file) throws IOException {
        try (PixelStream pixels = openPixels(file)) {
            MetaImageHeader header = pixels.header();
            if (header.dataSizeBytes() > Integer.MAX_VALUE - 16) {
                throw new MetaImageException(file, "image has " + header.dataSizeBytes()
                        + " bytes of pixel data, too many to hold in memory; expected under 2 GiB"
                        + " (use MetaImageReader.openPixels to stream it)");
            }
            MetaImage image = MetaImage.create(header);
            byte[] bytes = image.array();
            pixels.readFully(bytes, 0, bytes.length);
            return image;
        }
    }

    /** Opens the pixel data for sequential, slice-wise reading with a small fixed buffer. */
    public static PixelStream openPixels(Path file) throws IOException {
        return PixelStream.open(file);
    }
}
