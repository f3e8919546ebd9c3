package io.github.camelgc.metaimage;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Sequential reader of a MetaImage's pixel data, for images too large to hold in memory: read it slice by
 * slice (an x–y plane per step) or in raw chunks. Decompresses on the fly with a small fixed buffer, so the
 * heap use does not depend on the image size. Obtain one from {@link MetaImageReader#openPixels(Path)}.
 *
 * <p>Data are checked against the header as they are read: too short, too long, truncated or corrupt
 * compressed data raise {@link MetaImageException} naming the file.
 */
public final class PixelStream implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path headerFile;
    private final Path dataFile;
    private final MetaImageHeader header;
    private final InputStream in;
    private final Inflater inflater;
    private final long total;
    private long remaining;

    private PixelStream(Path headerFile, Path dataFile, MetaImageHeader header, InputStream in, Inflater inflater) {
        this.headerFile = headerFile;
        this.dataFile = dataFile;
        this.header = header;
        this.in = in;
        this.inflater = inflater;
        this.total = header.dataSizeBytes();
        this.remaining = total;
    }

    static PixelStream open(Path headerFile) throws IOException {
        InputStream raw = Files.newInputStream(headerFile);
        try {
            BufferedInputStream headerIn = new BufferedInputStream(raw, BUFFER);
            HeaderCodec.Parsed parsed = HeaderCodec.parse(headerFile, headerIn);
            MetaImageHeader header = parsed.header();
            long expected = header.dataSizeBytes();
            if (MetaImageHeader.LOCAL.equals(header.elementDataFile())) {
                long available = Files.size(headerFile) - parsed.dataOffset();
                checkAvailable(headerFile, headerFile, header, available);
                return wrap(headerFile, headerFile, header, headerIn);
            }
            raw.close();
            Path dataFile = DataFiles.resolve(headerFile, header.elementDataFile());
            if (!Files.isRegularFile(dataFile)) {
                throw new MetaImageException(headerFile, "data file '" + header.elementDataFile()
                        + "' named by ElementDataFile does not exist next to the header");
            }
            long size = Files.size(dataFile);
            long start = parsed.headerSize();
            if (start < 0) {
                if (header.compressed()) {
                    throw new MetaImageException(headerFile, "HeaderSize = -1 is not allowed with compressed data");
                }
                start = Math.max(0, size - expected);
            }
            checkAvailable(headerFile, dataFile, header, size - start);
            InputStream dataIn = Files.newInputStream(dataFile);
            try {
                dataIn.skipNBytes(start);
            } catch (IOException e) {
                dataIn.close();
                throw e;
            }
            return wrap(headerFile, dataFile, header, new BufferedInputStream(dataIn, BUFFER));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void checkAvailable(Path headerFile, Path dataFile, MetaImageHeader header, long available)
            throws MetaImageException {
        if (header.compressed()) {
            if (header.compressedDataSize() >= 0 && available < header.compressedDataSize()) {
                throw new MetaImageException(dataFile, "compressed pixel data is truncated: CompressedDataSize = "
                        + header.compressedDataSize() + " but only " + available + " bytes are present");
            }
            return;
        }
        long expected = header.dataSizeBytes();
        if (available != expected) {
            throw new MetaImageException(dataFile, "pixel data has " + available + " bytes but the header ("
                    + describe(header) + ") needs " + expected);
        }
    }

    static String describe(MetaImageHeader header) {
        return "DimSize " + Arrays.toString(header.dimSize()) + " × " + header.channels() + " channel(s) × "
                + header.elementType().byteSize() + " bytes (" + header.elementType() + ")";
    }

    private static PixelStream wrap(Path headerFile, Path dataFile, MetaImageHeader header, InputStream data) {
        if (!header.compressed()) {
            return new PixelStream(headerFile, dataFile, header, data, null);
        }
        Inflater inflater = new Inflater();
        return new PixelStream(headerFile, dataFile, header, new InflaterInputStream(data, inflater, BUFFER), inflater);
    }

    /** The image's header. */
    public MetaImageHeader header() {
        return header;
    }

    /** Bytes of (uncompressed) pixel data not read yet. */
    public long remainingBytes() {
        return remaining;
    }

    /** Number of slices: planes of the first two axes (1 for 1-D and 2-D images). */
    public long sliceCount() {
        return header.voxelCount() / sliceVoxels(header);
    }

    /** Header of the images {@link #readSlice()} returns: the first two axes, same type, channels and byte order. */
    public MetaImageHeader sliceHeader() {
        return sliceHeaderOf(header);
    }

    static long sliceVoxels(MetaImageHeader header) {
        return header.ndims() == 1 ? header.dim(0) : (long) header.dim(0) * header.dim(1);
    }

    static MetaImageHeader sliceHeaderOf(MetaImageHeader header) {
        if (header.ndims() <= 2) {
            return header.toBuilder().compressed(false).elementDataFile(null).compressedDataSize(-1).build();
        }
        int n = header.ndims();
        double[] m = header.transformMatrix();
        double[] s = header.spacing();
        double[] o = header.offset();
        return MetaImageHeader.builder(header.elementType(), header.dim(0), header.dim(1))
                .channels(header.channels()).msb(header.msb())
                .spacing(s[0], s[1]).offset(o[0], o[1])
                .transformMatrix(m[0], m[1], m[n], m[n + 1])
                .build();
    }

    /** Reads the next slice into a new image with {@link #sliceHeader()}. */
    public MetaImage readSlice() throws IOException {
        MetaImage slice = MetaImage.create(sliceHeader());
        readSlice(slice);
        return slice;
    }

    /** Reads the next slice into {@code target} (reuse one to keep memory flat); its layout must be {@link #sliceHeader()}'s. */
    public void readSlice(MetaImage target) throws IOException {
        if (!target.header().sameLayout(sliceHeader())) {
            throw new IllegalArgumentException("target " + target.header() + " is not a slice of " + header);
        }
        byte[] bytes = target.array();
        readFully(bytes, 0, bytes.length);
    }

    /** Reads exactly {@code length} raw pixel bytes (header byte order) into {@code buffer}. */
    public void readFully(byte[] buffer, int offset, int length) throws IOException {
        if (length > remaining) {
            throw new MetaImageException(headerFile, "asked for " + length + " bytes but only " + remaining
                    + " bytes of pixel data remain");
        }
        int done = 0;
        try {
            while (done < length) {
                int n = in.read(buffer, offset + done, length - done);
                if (n < 0) {
                    throw new MetaImageException(dataFile, "pixel data ends after " + (total - remaining + done)
                            + " bytes but the header (" + describe(header) + ") needs " + total);
                }
                done += n;
            }
        } catch (ZipException e) {
            throw new MetaImageException(dataFile, "compressed pixel data is corrupt (" + e.getMessage()
                    + "); expected zlib data", e);
        } catch (EOFException e) {
            throw new MetaImageException(dataFile, "compressed pixel data is truncated after "
                    + (total - remaining + done) + " of " + total + " uncompressed bytes", e);
        } finally {
            remaining -= done;
        }
        if (remaining == 0 && inflater != null) {
            checkNothingLeft();
        }
    }

    private void checkNothingLeft() throws IOException {
        int extra;
        try {
            extra = in.read();
        } catch (ZipException | EOFException e) {
            throw new MetaImageException(dataFile, "compressed pixel data is corrupt or truncated at its end", e);
        }
        if (extra >= 0) {
            throw new MetaImageException(dataFile, "compressed pixel data holds more than the header ("
                    + describe(header) + ") says: " + total + " bytes");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
