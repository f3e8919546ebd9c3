package io.github.camelgc.metaimage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads MetaImage files: {@code .mha} (header and data in one file) and {@code .mhd} (header with a
 * separate {@code .raw}/{@code .zraw} data file in the same folder).
 */
public final class MetaImageReader {

    private MetaImageReader() {
    }

    /**
     * Reads only the header; the pixel data is not touched. An {@code ElementDataFile} that would leave
     * the header's folder is refused here already.
     */
    public static MetaImageHeader readHeader(Path file) throws IOException {
        MetaImageHeader header = parse(file).header;
        if (!header.isLocal()) {
            DataFiles.resolve(file, header.elementDataFile());
        }
        return header;
    }

    /** Reads the whole image into memory (images below 2 GiB of pixel data). */
    public static MetaImage read(Path file) throws IOException {
        try (PixelStream pixels = openPixels(file)) {
            MetaImageHeader header = pixels.header();
            if (header.dataSizeBytes() > Integer.MAX_VALUE - 8) {
                throw new MetaImageException(file, MetaImageException.Problem.USAGE, "pixel data of " + header.dataSizeBytes()
                        + " bytes is too large to read into memory; use openPixels to stream it slice by slice");
            }
            MetaImage image = MetaImage.create(header);
            pixels.readFully(image.mutableData());
            return image;
        }
    }

    /** Opens the pixel data for sequential, slice-wise reading; close the stream when done. */
    public static PixelStream openPixels(Path file) throws IOException {
        HeaderCodec.Parsed parsed = parse(file);
        MetaImageHeader header = parsed.header;
        if (header.isLocal()) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return new PixelStream(file, header, channel, parsed.headerBytes, parsed.compressedDataSize);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        Path dataFile = DataFiles.resolve(file, header.elementDataFile());
        DataFiles.checkRealPathInside(file, dataFile);
        FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ);
        try {
            long start = header.headerSize();
            if (start == -1) {
                if (header.compressed()) {
                    throw new MetaImageException(file, MetaImageException.Problem.UNSUPPORTED, "HeaderSize = -1 with compressed data is not supported");
                }
                start = channel.size() - header.dataSizeBytes();
                if (start < 0) {
                    throw new MetaImageException(file, MetaImageException.Problem.TRUNCATED, "the data file holds "
                            + channel.size() + " bytes; DimSize needs " + header.dataSizeBytes());
                }
            }
            return new PixelStream(dataFile, header, channel, start, parsed.compressedDataSize);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static HeaderCodec.Parsed parse(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new MetaImageException(file, MetaImageException.Problem.NOT_A_FILE, "is a directory; expected a .mha or .mhd file");
        }
        // A small buffer: the header is short, and readHeader must not pull in pixel data needlessly.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
            return HeaderCodec.parse(file, in);
        } catch (NoSuchFileException e) {
            throw new MetaImageException(file, MetaImageException.Problem.NOT_A_FILE, "file does not exist", e);
        }
    }
}
