package io.github.camelgc.metaimage;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Sequential writer of the pixel data of a MetaImage, compressing on the fly, so images larger than
 * the heap can be written slice by slice. Obtain one from {@link MetaImageWriter#openPixels(Path, MetaImageHeader)}.
 *
 * <p>{@link #close()} checks that exactly {@code DimSize x channels x element size} bytes were written;
 * if not, it deletes the partial files and throws.
 */
public final class PixelSink implements Closeable {

    /** Width of the zero-padded {@code CompressedDataSize} placeholder patched on close (fits any long). */
    private static final int SIZE_DIGITS = 19;
    private static final int BUFFER_BYTES = 1 << 16;
    /** zlib level: the fastest, since on multi-GB images compression time dominates and level 1 is only a few % larger. */
    static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;

    private final Path headerFile;
    private final Path dataFile;
    private final MetaImageHeader header;
    private final FileChannel channel;
    private final Deflater deflater;
    private final OutputStream deflating;
    private final long sizePlaceholderAt;
    private final long dataStart;
    private long written;
    private boolean closed;

    PixelSink(Path headerFile, Path dataFile, MetaImageHeader header) throws IOException {
        this.headerFile = headerFile;
        this.dataFile = dataFile;
        this.header = header;
        this.channel = FileChannel.open(dataFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        long placeholderAt = -1;
        long start = 0;
        try {
            if (header.isLocal()) {
                // The compressed size is only known at the end: write a fixed-width number now, patch it later.
                String text = HeaderCodec.format(header, header.compressed() ? "0".repeat(SIZE_DIGITS) : null);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (header.compressed()) {
                    placeholderAt = indexOf(bytes, "CompressedDataSize = ".getBytes(StandardCharsets.UTF_8))
                            + "CompressedDataSize = ".length();
                }
                writeAll(ByteBuffer.wrap(bytes));
                start = bytes.length;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.sizePlaceholderAt = placeholderAt;
        this.dataStart = start;
        if (header.compressed()) {
            this.deflater = new Deflater(COMPRESSION_LEVEL);
            this.deflating = new DeflaterOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES), deflater, BUFFER_BYTES);
        } else {
            this.deflater = null;
            this.deflating = null;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("CompressedDataSize placeholder missing");
    }

    /** The header the file is written with. */
    public MetaImageHeader header() {
        return header;
    }

    /** Bytes still expected. */
    public long remainingBytes() {
        return header.dataSizeBytes() - written;
    }

    /** Writes raw pixel bytes (in the header's byte order) from {@code src}'s position to its limit. */
    public void write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (n > remainingBytes()) {
            throw new MetaImageException(headerFile, MetaImageException.Problem.USAGE, "got " + n + " more bytes but only " + remainingBytes()
                    + " of the " + header.dataSizeBytes() + " bytes of DimSize " + Arrays.toString(header.dimSize())
                    + " remain");
        }
        if (deflating == null) {
            writeAll(src);
        } else if (src.hasArray()) {
            deflating.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[Math.min(n, BUFFER_BYTES)];
            while (src.hasRemaining()) {
                int len = Math.min(chunk.length, src.remaining());
                src.get(chunk, 0, len);
                deflating.write(chunk, 0, len);
            }
        }
        written += n;
    }

    /**
     * Writes the next slice or slab: an image whose axes other than the last match this file's, with
     * the same element type, channels and byte order.
     */
    public void writeSlice(MetaImage slab) throws IOException {
        MetaImageHeader h = slab.header();
        int n = header.nDims();
        boolean compatible = h.nDims() == n && h.elementType() == header.elementType()
                && h.channels() == header.channels() && h.byteOrderMsb() == header.byteOrderMsb();
        for (int axis = 0; compatible && axis < n - 1; axis++) {
            compatible = h.dim(axis) == header.dim(axis);
        }
        if (!compatible) {
            throw new MetaImageException(headerFile, MetaImageException.Problem.USAGE, "slice " + h + " does not fit an image of " + header);
        }
        write(slab.data());
    }

    private void writeAll(ByteBuffer src) throws IOException {
        // Write in chunks: the JDK copies a heap buffer into a temporary direct buffer of the size
        // handed to write(), which for a whole image would be as large as the image.
        int end = src.limit();
        while (src.position() < end) {
            src.limit((int) Math.min(end, (long) src.position() + BUFFER_BYTES * 16));
            while (src.hasRemaining()) {
                channel.write(src);
            }
        }
        src.limit(end);
    }

    /**
     * Finishes the file: flushes compressed data, writes or patches the header. Throws, and removes the
     * partial files, if fewer bytes than the header describes were written.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean complete = remainingBytes() == 0;
        try {
            if (deflating != null) {
                deflating.close(); // also closes the channel
                deflater.end();
            }
            if (!complete) {
                throw new MetaImageException(headerFile, MetaImageException.Problem.USAGE, "closed after " + written + " of "
                        + header.dataSizeBytes() + " pixel bytes; the partial file was removed");
            }
            long compressedSize = -1;
            if (deflating != null) {
                compressedSize = Files.size(dataFile) - dataStart;
            }
            if (header.isLocal()) {
                if (sizePlaceholderAt >= 0) {
                    patchCompressedSize(compressedSize);
                }
            } else {
                String text = HeaderCodec.format(header, compressedSize >= 0 ? Long.toString(compressedSize) : null);
                Files.writeString(headerFile, text, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            if (!complete) {
                Files.deleteIfExists(dataFile);
            }
            throw e;
        } finally {
            channel.close();
        }
    }

    private void patchCompressedSize(long size) throws IOException {
        String digits = String.format("%0" + SIZE_DIGITS + "d", size);
        try (FileChannel patch = FileChannel.open(dataFile, StandardOpenOption.WRITE)) {
            patch.write(ByteBuffer.wrap(digits.getBytes(StandardCharsets.US_ASCII)), sizePlaceholderAt);
        }
    }
}
