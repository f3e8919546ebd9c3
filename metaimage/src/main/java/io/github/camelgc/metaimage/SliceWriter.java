package io.github.camelgc.metaimage;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a MetaImage slice by slice (or in raw chunks), for images too large to hold in memory. Compresses
 * on the fly with a small fixed buffer. Obtain one from {@link MetaImageWriter#open(Path, MetaImageHeader)}.
 *
 * <p>{@code .mha} files get their data inline; {@code .mhd} files a {@code .raw}/{@code .zraw} next to them.
 * A compressed {@code .mha} needs {@code CompressedDataSize} in its header, known only at the end, so its
 * data go to a temporary file next to the target that is appended after the header on {@link #close()}.
 * Closing before all pixel data were written deletes the partial output and throws.
 */
public final class SliceWriter implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final MetaImageHeader header;
    private final boolean inline;
    private final Path dataPath;
    private final String dataFileName;
    private final CountingStream counted;
    private final OutputStream out;
    private final Deflater deflater;
    private final long total;
    private long written;
    private boolean closed;

    private SliceWriter(Path target, MetaImageHeader header) throws IOException {
        this.target = target;
        this.header = header;
        this.total = header.dataSizeBytes();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mha")) {
            inline = true;
            dataFileName = MetaImageHeader.LOCAL;
            dataPath = header.compressed() ? target.resolveSibling(target.getFileName() + ".part") : target;
        } else if (name.endsWith(".mhd")) {
            inline = false;
            dataFileName = DataFiles.dataFileNameFor(target, header.compressed());
            dataPath = target.resolveSibling(dataFileName);
        } else {
            throw new MetaImageException(target, "unsupported file extension; expected .mha or .mhd");
        }
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(dataPath), BUFFER);
        if (inline && !header.compressed()) {
            file.write(HeaderCodec.format(header, dataFileName, -1));
        }
        counted = new CountingStream(file);
        if (header.compressed()) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
            out = new DeflaterOutputStream(counted, deflater, BUFFER);
        } else {
            deflater = null;
            out = counted;
        }
    }

    static SliceWriter open(Path target, MetaImageHeader header) throws IOException {
        return new SliceWriter(target, header);
    }

    /** The header being written. */
    public MetaImageHeader header() {
        return header;
    }

    /** Header a slice passed to {@link #writeSlice} must have (layout-wise): the first two axes. */
    public MetaImageHeader sliceHeader() {
        return PixelStream.sliceHeaderOf(header);
    }

    /** Bytes of pixel data still expected. */
    public long remainingBytes() {
        return total - written;
    }

    /** Appends one x–y slice; its sizes, type, channels and byte order must match {@link #sliceHeader()}. */
    public void writeSlice(MetaImage slice) throws IOException {
        if (!slice.header().sameLayout(sliceHeader())) {
            throw new IllegalArgumentException("slice " + slice.header() + " does not fit image " + header);
        }
        byte[] bytes = slice.array();
        write(bytes, 0, bytes.length);
    }

    /** Appends raw pixel bytes in the header's byte order. */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer of " + target + " is closed");
        }
        if (length > total - written) {
            throw new MetaImageException(target, "more pixel data than the header (" + PixelStream.describe(header)
                    + ") allows: " + total + " bytes");
        }
        out.write(bytes, offset, length);
        written += length;
    }

    /** Finishes the file; throws (and removes the partial output) if pixel data are missing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean complete = written == total;
        try {
            out.close();
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
        if (!complete) {
            Files.deleteIfExists(dataPath);
            if (!inline) {
                Files.deleteIfExists(target);
            }
            throw new MetaImageException(target, "only " + written + " of " + total
                    + " bytes of pixel data were written; the partial file was removed");
        }
        long compressedSize = header.compressed() ? counted.count : -1;
        if (inline && header.compressed()) {
            try (OutputStream file = Files.newOutputStream(target)) {
                file.write(HeaderCodec.format(header, dataFileName, compressedSize));
                Files.copy(dataPath, file);
            } finally {
                Files.deleteIfExists(dataPath);
            }
        } else if (!inline) {
            Files.write(target, HeaderCodec.format(header, dataFileName, compressedSize));
        }
    }

    /** Counts the bytes that reach the file, i.e. the compressed size. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
