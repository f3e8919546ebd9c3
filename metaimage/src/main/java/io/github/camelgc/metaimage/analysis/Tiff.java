package io.github.camelgc.metaimage.analysis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The little TIFF support the emulator needs, written by hand because it is a few dozen lines and a
 * full imaging library would be a large dependency for it: writing an uncompressed 8-bit RGB baseline
 * TIFF (screenshots), and reading the first image's size and samples from a classic or BigTIFF header
 * (to describe uploaded {@code .tif} images) without reading pixel data.
 */
public final class Tiff {

    private static final int TAG_WIDTH = 256;
    private static final int TAG_HEIGHT = 257;
    private static final int TAG_BITS_PER_SAMPLE = 258;
    private static final int TAG_COMPRESSION = 259;
    private static final int TAG_PHOTOMETRIC = 262;
    private static final int TAG_STRIP_OFFSETS = 273;
    private static final int TAG_SAMPLES_PER_PIXEL = 277;
    private static final int TAG_ROWS_PER_STRIP = 278;
    private static final int TAG_STRIP_BYTE_COUNTS = 279;
    private static final int TAG_X_RESOLUTION = 282;
    private static final int TAG_Y_RESOLUTION = 283;
    private static final int TAG_PLANAR_CONFIGURATION = 284;
    private static final int TAG_RESOLUTION_UNIT = 296;
    private static final int TAG_TILE_WIDTH = 322;

    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int MAX_PAGES = 10_000;

    private Tiff() {
    }

    /** What the header of a TIFF says about its first image. */
    public record TiffInfo(int width, int height, int samplesPerPixel, int bitsPerSample, int photometric,
            boolean tiled, boolean bigTiff, int pageCount) {
    }

    /**
     * Writes {@code rgb} (row by row, 3 bytes per pixel, top row first) as an uncompressed, little-endian,
     * single-strip baseline RGB TIFF.
     */
    public static void writeRgb(Path file, int width, int height, byte[] rgb) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            writeRgb(out, width, height, rgb);
        }
    }

    /** As {@link #writeRgb(Path, int, int, byte[])}, to a stream (not closed). */
    public static void writeRgb(OutputStream out, int width, int height, byte[] rgb) throws IOException {
        if (width < 1 || height < 1 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("RGB buffer of " + rgb.length + " bytes does not match "
                    + width + "x" + height + "x3");
        }
        int entries = 12;
        int ifdOffset = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int bitsOffset = ifdOffset + ifdSize;          // 3 SHORTs
        int resolutionOffset = bitsOffset + 6;         // 2 RATIONALs
        int pixelOffset = resolutionOffset + 16;
        ByteBuffer head = ByteBuffer.allocate(pixelOffset).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        head.putShort((short) entries);
        // entries must be sorted by tag
        entry(head, TAG_WIDTH, LONG, 1, width);
        entry(head, TAG_HEIGHT, LONG, 1, height);
        entry(head, TAG_BITS_PER_SAMPLE, SHORT, 3, bitsOffset);
        entry(head, TAG_COMPRESSION, SHORT, 1, 1);
        entry(head, TAG_PHOTOMETRIC, SHORT, 1, 2);
        entry(head, TAG_STRIP_OFFSETS, LONG, 1, pixelOffset);
        entry(head, TAG_SAMPLES_PER_PIXEL, SHORT, 1, 3);
        entry(head, TAG_ROWS_PER_STRIP, LONG, 1, height);
        entry(head, TAG_STRIP_BYTE_COUNTS, LONG, 1, rgb.length);
        entry(head, TAG_X_RESOLUTION, RATIONAL, 1, resolutionOffset);
        entry(head, TAG_Y_RESOLUTION, RATIONAL, 1, resolutionOffset + 8);
        entry(head, TAG_RESOLUTION_UNIT, SHORT, 1, 2);
        head.putInt(0); // no further IFD
        head.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        head.putInt(72).putInt(1).putInt(72).putInt(1);
        out.write(head.array());
        out.write(rgb);
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == SHORT && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** Reads the first image's description from a classic TIFF or BigTIFF header. */
    public static TiffInfo readHeader(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new HeaderReader(file, ch).read();
        } catch (NoSuchFileException e) {
            throw new TiffException(file, "file does not exist");
        }
    }

    /** Reads IFD entries with random access; only the bytes of the directories are read. */
    private static final class HeaderReader {
        private final Path file;
        private final FileChannel ch;
        private ByteOrder order;
        private boolean big;

        HeaderReader(Path file, FileChannel ch) {
            this.file = file;
            this.ch = ch;
        }

        TiffInfo read() throws IOException {
            ByteBuffer head = bytes(0, 16, true);
            byte b0 = head.get(0);
            byte b1 = head.get(1);
            if (b0 == 'I' && b1 == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (b0 == 'M' && b1 == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new TiffException(file, "does not start with II or MM; not a TIFF file");
            }
            head.order(order);
            int magic = head.getShort(2) & 0xFFFF;
            long ifd;
            if (magic == 42) {
                big = false;
                ifd = head.getInt(4) & 0xFFFFFFFFL;
            } else if (magic == 43) {
                big = true;
                if (head.getShort(4) != 8) {
                    throw new TiffException(file, "BigTIFF offset size is " + head.getShort(4) + "; expected 8");
                }
                ifd = head.getLong(8);
            } else {
                throw new TiffException(file, "version " + magic + " is neither 42 (TIFF) nor 43 (BigTIFF)");
            }
            long[] values = new long[TAG_TILE_WIDTH + 1];
            java.util.Arrays.fill(values, -1);
            long next = readIfd(ifd, values);
            int pages = 1;
            Set<Long> seen = new HashSet<>();
            seen.add(ifd);
            while (next != 0 && pages < MAX_PAGES && seen.add(next)) {
                next = readIfd(next, null);
                pages++;
            }
            if (values[TAG_WIDTH] < 1 || values[TAG_HEIGHT] < 1) {
                throw new TiffException(file, "first image has no ImageWidth/ImageLength tag");
            }
            return new TiffInfo((int) values[TAG_WIDTH], (int) values[TAG_HEIGHT],
                    values[TAG_SAMPLES_PER_PIXEL] < 0 ? 1 : (int) values[TAG_SAMPLES_PER_PIXEL],
                    values[TAG_BITS_PER_SAMPLE] < 0 ? 1 : (int) values[TAG_BITS_PER_SAMPLE],
                    (int) values[TAG_PHOTOMETRIC], values[TAG_TILE_WIDTH] >= 0, big, pages);
        }

        /** Reads one IFD; stores the first value of the tags we need into {@code values}; returns the next IFD offset. */
        private long readIfd(long offset, long[] values) throws IOException {
            int countSize = big ? 8 : 2;
            int entrySize = big ? 20 : 12;
            ByteBuffer countBuf = bytes(offset, countSize, false);
            long count = big ? countBuf.getLong(0) : countBuf.getShort(0) & 0xFFFF;
            if (count < 0 || count > 4096) {
                throw new TiffException(file, "directory at " + offset + " claims " + count + " entries");
            }
            ByteBuffer entries = bytes(offset + countSize, (int) count * entrySize + (big ? 8 : 4), false);
            if (values != null) {
                for (int k = 0; k < count; k++) {
                    int at = k * entrySize;
                    int tag = entries.getShort(at) & 0xFFFF;
                    int type = entries.getShort(at + 2) & 0xFFFF;
                    if (tag < values.length) {
                        values[tag] = firstValue(entries, at + (big ? 12 : 8), type);
                    }
                }
            }
            int nextAt = (int) count * entrySize;
            return big ? entries.getLong(nextAt) : entries.getInt(nextAt) & 0xFFFFFFFFL;
        }

        // The first value of an entry: stored in the entry itself for every type and count we read
        // (a count of 3 SHORTs overflows a classic entry, but then the first value is at the offset).
        private long firstValue(ByteBuffer entries, int valueAt, int type) throws IOException {
            int slot = big ? 8 : 4;
            long count = big ? entries.getLong(valueAt - 8) : entries.getInt(valueAt - 4) & 0xFFFFFFFFL;
            int size = type == SHORT ? 2 : type == LONG ? 4 : type == 16 ? 8 : type == 1 ? 1 : 0;
            if (size == 0) {
                return -1;
            }
            ByteBuffer source = entries;
            int at = valueAt;
            if (count * size > slot) {
                long offset = big ? entries.getLong(valueAt) : entries.getInt(valueAt) & 0xFFFFFFFFL;
                source = bytes(offset, size, false);
                at = 0;
            }
            switch (size) {
                case 1: return source.get(at) & 0xFF;
                case 2: return source.getShort(at) & 0xFFFF;
                case 4: return source.getInt(at) & 0xFFFFFFFFL;
                default: return source.getLong(at);
            }
        }

        private ByteBuffer bytes(long position, int length, boolean header) throws IOException {
            if (position < 0 || position + length > ch.size()) {
                throw new TiffException(file, header ? "is too short to be a TIFF file"
                        : "is truncated: needs bytes " + position + ".." + (position + length) + " of " + ch.size());
            }
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, position + b.position()) < 0) {
                    throw new TiffException(file, "is truncated");
                }
            }
            return b.flip().order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
        }
    }
}
