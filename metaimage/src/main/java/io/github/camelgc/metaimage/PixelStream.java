package io.github.camelgc.metaimage;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import io.github.camelgc.metaimage.MetaImageException.Problem;

/**
 * Sequential reader of the pixel data of a MetaImage, decompressing on the fly, so that images larger
 * than the heap can be processed slice by slice (a slice is one step along the last axis: a z slice of
 * a volume, a row of a 2-D image). Memory use is one slice plus small fixed buffers.
 *
 * <p>Obtain one from {@link MetaImageReader#openPixels(Path)}. Every read checks that the data is
 * neither shorter nor longer than {@code DimSize x channels x element size}.
 */
public final class PixelStream implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final MetaImageHeader header;
    private final FileChannel channel;
    private final InputStream inflated;
    private final long totalBytes;
    private long readBytes;
    private int nextSlice;

    PixelStream(Path file, MetaImageHeader header, FileChannel channel, long dataStart, long compressedSize)
            throws IOException {
        this.file = file;
        this.header = header;
        this.channel = channel;
        this.totalBytes = header.dataSizeBytes();
        channel.position(dataStart);
        long available = channel.size() - dataStart;
        if (header.compressed()) {
            if (compressedSize > available) {
                throw new MetaImageException(file, Problem.TRUNCATED, "compressed data is truncated: CompressedDataSize = "
                        + compressedSize + " but only " + available + " bytes follow");
            }
            long limit = compressedSize >= 0 ? compressedSize : available;
            InputStream raw = new BoundedInputStream(Channels.newInputStream(channel), limit);
            this.inflated = new InflaterInputStream(new BufferedInputStream(raw, BUFFER_BYTES), new Inflater(),
                    BUFFER_BYTES);
        } else {
            if (available < totalBytes) {
                throw new MetaImageException(file, Problem.TRUNCATED, "pixel data is truncated: DimSize " + dims()
                        + " needs " + totalBytes + " bytes but the file holds " + available);
            }
            if (available > totalBytes) {
                throw new MetaImageException(file, Problem.MISMATCH, "pixel data has " + available + " bytes but DimSize " + dims()
                        + " needs " + totalBytes + "; the header does not match the data");
            }
            this.inflated = null;
        }
    }

    private String dims() {
        return java.util.Arrays.toString(header.dimSize()) + " x " + header.channels() + " channel(s) x "
                + header.elementType() + " (" + header.elementType().byteSize() + " bytes)";
    }

    /** The image's header. */
    public MetaImageHeader header() {
        return header;
    }

    /** Bytes not yet read. */
    public long remainingBytes() {
        return totalBytes - readBytes;
    }

    /** Index of the slice {@link #readSlice()} returns next. */
    public int nextSliceIndex() {
        return nextSlice;
    }

    /** Whether slices remain. */
    public boolean hasNextSlice() {
        return nextSlice < header.sliceCount();
    }

    /**
     * Reads the next slice as an image of its own: the same header with the last axis of size 1 and the
     * offset of that slice, so its geometry in space is exact.
     */
    public MetaImage readSlice() throws IOException {
        if (!hasNextSlice()) {
            throw new MetaImageException(file, Problem.USAGE, "all " + header.sliceCount() + " slices were read already");
        }
        if (readBytes != (long) nextSlice * header.sliceSizeBytes()) {
            throw new IllegalStateException("readSlice() after raw reads that ended inside a slice");
        }
        MetaImage slice = MetaImage.create(sliceHeader(header, nextSlice));
        readFully(slice.mutableData());
        return slice;
    }

    /** The header of slice {@code index} of an image with header {@code header}. */
    public static MetaImageHeader sliceHeader(MetaImageHeader header, int index) {
        int n = header.nDims();
        int[] dims = header.dimSize();
        dims[n - 1] = 1;
        double[] start = new double[n];
        start[n - 1] = index;
        return header.toBuilder().dimSize(dims).offset(header.indexToPhysical(start))
                .elementDataFile(MetaImageHeader.LOCAL).build();
    }

    /** Fills {@code dst} (up to its limit) with the next pixel bytes, in the header's byte order. */
    public void readFully(ByteBuffer dst) throws IOException {
        int wanted = dst.remaining();
        if (wanted > remainingBytes()) {
            throw new MetaImageException(file, Problem.USAGE, "asked for " + wanted + " bytes but only " + remainingBytes()
                    + " pixel bytes remain");
        }
        try {
            if (inflated == null) {
                readRaw(dst);
            } else {
                readInflated(dst);
            }
        } catch (ZipException e) {
            throw new MetaImageException(file, Problem.CORRUPT, "compressed pixel data is corrupt (" + e.getMessage()
                    + "); expected a zlib stream", e);
        } catch (EOFException e) {
            throw new MetaImageException(file, Problem.TRUNCATED, (inflated == null ? "" : "compressed ")
                    + "pixel data is truncated: it ends after "
                    + (readBytes + wanted - dst.remaining()) + " of " + totalBytes
                    + " bytes needed for DimSize " + dims(), e);
        }
        readBytes += wanted;
        nextSlice = (int) (readBytes / header.sliceSizeBytes());
        if (readBytes == totalBytes && inflated != null) {
            checkNoTrailingData();
        }
    }

    // Read in chunks: the JDK reads a heap buffer through a temporary direct buffer of the requested size.
    private void readRaw(ByteBuffer dst) throws IOException {
        int end = dst.limit();
        try {
            while (dst.position() < end) {
                dst.limit((int) Math.min(end, (long) dst.position() + BUFFER_BYTES * 16));
                while (dst.hasRemaining()) {
                    if (channel.read(dst) < 0) {
                        throw new EOFException();
                    }
                }
            }
        } finally {
            dst.limit(end);
        }
    }

    private void readInflated(ByteBuffer dst) throws IOException {
        if (dst.hasArray()) {
            byte[] array = dst.array();
            int at = dst.arrayOffset() + dst.position();
            int end = dst.arrayOffset() + dst.limit();
            while (at < end) {
                int n = inflated.read(array, at, end - at);
                if (n < 0) {
                    dst.position(at - dst.arrayOffset());
                    throw new EOFException();
                }
                at += n;
            }
            dst.position(dst.limit());
        } else {
            byte[] chunk = new byte[Math.min(BUFFER_BYTES, dst.remaining())];
            while (dst.hasRemaining()) {
                int n = inflated.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
                if (n < 0) {
                    throw new EOFException();
                }
                dst.put(chunk, 0, n);
            }
        }
    }

    private void checkNoTrailingData() throws IOException {
        try {
            if (inflated.read() >= 0) {
                throw new MetaImageException(file, Problem.MISMATCH, "compressed pixel data decompresses to more than the "
                        + totalBytes + " bytes DimSize " + dims() + " describes; the header does not match the data");
            }
        } catch (EOFException e) {
            throw new MetaImageException(file, Problem.TRUNCATED, "compressed pixel data is truncated: the zlib stream does not end", e);
        } catch (ZipException e) {
            throw new MetaImageException(file, Problem.CORRUPT, "compressed pixel data is corrupt (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (inflated != null) {
                inflated.close();
            }
        } finally {
            channel.close();
        }
    }

    /** Reads at most {@code limit} bytes of an underlying stream (the compressed data of a .mha). */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
