package io.github.camelgc.metaimage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A MetaImage in memory: its header and its pixel data (at most 2 GiB), with typed access by linear
 * element index. Elements are stored as in the file: x fastest, channels interleaved per voxel, in the
 * header's byte order. For larger images use {@link MetaImageReader#openPixels} and {@link SliceWriter}.
 *
 * <p>The header is immutable; the pixels are mutable and not thread-safe.
 */
public final class MetaImage {

    private final MetaImageHeader header;
    private final ByteBuffer data;
    private final ElementType type;
    private final int size;

    private MetaImage(MetaImageHeader header, ByteBuffer data) {
        this.header = header;
        this.data = data.order(header.byteOrder());
        this.type = header.elementType();
        this.size = type.byteSize();
    }

    /** A zero-filled image with this header. */
    public static MetaImage create(MetaImageHeader header) {
        return new MetaImage(header, ByteBuffer.allocate(checkedSize(header)));
    }

    /** An image over {@code data} (not copied), which must hold exactly the header's pixel bytes in its byte order. */
    public static MetaImage wrap(MetaImageHeader header, byte[] data) {
        if (data.length != checkedSize(header)) {
            throw new IllegalArgumentException("pixel data has " + data.length + " bytes; header " + header
                    + " needs " + header.dataSizeBytes());
        }
        return new MetaImage(header, ByteBuffer.wrap(data));
    }

    private static int checkedSize(MetaImageHeader header) {
        long bytes = header.dataSizeBytes();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("image of " + bytes + " bytes is too large to hold in memory;"
                    + " stream it slice-wise with MetaImageReader.openPixels / MetaImageWriter.open");
        }
        return (int) bytes;
    }

    public MetaImageHeader header() {
        return header;
    }

    /** Number of pixel components (voxels × channels). */
    public long elementCount() {
        return data.capacity() / size;
    }

    /** Linear voxel index of coordinates {@code (x, y, z, ...)}; multiply by channels for the element index. */
    public long voxelIndex(int... coordinates) {
        long index = 0;
        long stride = 1;
        for (int axis = 0; axis < coordinates.length; axis++) {
            int c = coordinates[axis];
            if (c < 0 || c >= header.dim(axis)) {
                throw new IndexOutOfBoundsException("coordinate " + c + " outside axis " + axis
                        + " of size " + header.dim(axis));
            }
            index += stride * c;
            stride *= header.dim(axis);
        }
        return index;
    }

    /** Element {@code index} as an integer (floating-point values truncated toward zero). */
    public long getLong(long index) {
        int p = position(index);
        switch (type) {
            case MET_CHAR: return data.get(p);
            case MET_UCHAR: return data.get(p) & 0xFF;
            case MET_SHORT: return data.getShort(p);
            case MET_USHORT: return data.getShort(p) & 0xFFFF;
            case MET_INT:
            case MET_LONG: return data.getInt(p);
            case MET_UINT:
            case MET_ULONG: return data.getInt(p) & 0xFFFF_FFFFL;
            case MET_LONG_LONG:
            case MET_ULONG_LONG: return data.getLong(p);
            case MET_FLOAT: return (long) data.getFloat(p);
            default: return (long) data.getDouble(p);
        }
    }

    /** Element {@code index} as a double (MET_ULONG_LONG read as unsigned). */
    public double getDouble(long index) {
        int p = position(index);
        switch (type) {
            case MET_FLOAT: return data.getFloat(p);
            case MET_DOUBLE: return data.getDouble(p);
            case MET_ULONG_LONG: {
                long bits = data.getLong(p);
                return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1);
            }
            default: return getLong(index);
        }
    }

    /** Sets element {@code index}; integer types saturate at their range (MET_ULONG_LONG takes raw bits). */
    public void setLong(long index, long value) {
        int p = position(index);
        switch (type) {
            case MET_FLOAT: data.putFloat(p, value); return;
            case MET_DOUBLE: data.putDouble(p, value); return;
            case MET_LONG_LONG:
            case MET_ULONG_LONG: data.putLong(p, value); return;
            default: break;
        }
        long v = Math.max(type.minValue(), Math.min(type.maxValue(), value));
        switch (size) {
            case 1: data.put(p, (byte) v); break;
            case 2: data.putShort(p, (short) v); break;
            default: data.putInt(p, (int) v); break;
        }
    }

    /** Sets element {@code index}; integer types round to nearest and saturate (NaN becomes 0). */
    public void setDouble(long index, double value) {
        if (type == ElementType.MET_FLOAT) {
            data.putFloat(position(index), (float) value);
        } else if (type == ElementType.MET_DOUBLE) {
            data.putDouble(position(index), value);
        } else if (Double.isNaN(value)) {
            setLong(index, 0);
        } else if (type == ElementType.MET_ULONG_LONG) {
            setLong(index, value <= 0 ? 0 : value >= 0x1p64 ? -1L
                    : value >= 0x1p63 ? (long) (value - 0x1p63) | Long.MIN_VALUE : Math.round(value));
        } else {
            setLong(index, Math.round(value)); // Math.round saturates at the long range
        }
    }

    private int position(long index) {
        long p = index * size;
        if (index < 0 || p >= data.capacity()) {
            throw new IndexOutOfBoundsException("element " + index + " outside image of " + elementCount() + " elements");
        }
        return (int) p;
    }

    /** A read-only view of the pixel bytes, in the header's byte order. */
    public ByteBuffer rawData() {
        return data.asReadOnlyBuffer().order(data.order()).clear();
    }

    /** Direct access to the backing bytes for codecs in this package. */
    byte[] array() {
        return data.array();
    }

    /** A deep copy. */
    public MetaImage copy() {
        return new MetaImage(header, ByteBuffer.wrap(data.array().clone()));
    }

    /**
     * A copy of this image with another header describing the same voxels (same sizes, type, channels), e.g. new
     * geometry or compression. A different byte order converts the pixels.
     */
    public MetaImage withHeader(MetaImageHeader newHeader) {
        Objects.requireNonNull(newHeader);
        if (!java.util.Arrays.equals(newHeader.dimSize(), header.dimSize()) || newHeader.elementType() != type
                || newHeader.channels() != header.channels()) {
            throw new IllegalArgumentException("header " + newHeader + " does not describe the pixels of " + header);
        }
        byte[] bytes = data.array().clone();
        if (newHeader.msb() != header.msb()) {
            swapBytes(bytes, size);
        }
        return new MetaImage(newHeader, ByteBuffer.wrap(bytes));
    }

    static void swapBytes(byte[] bytes, int elementSize) {
        if (elementSize == 1) {
            return;
        }
        for (int start = 0; start < bytes.length; start += elementSize) {
            for (int i = 0, j = elementSize - 1; i < j; i++, j--) {
                byte t = bytes[start + i];
                bytes[start + i] = bytes[start + j];
                bytes[start + j] = t;
            }
        }
    }

    /** Byte order of the stored pixels (the header's). */
    public ByteOrder byteOrder() {
        return data.order();
    }

    @Override
    public String toString() {
        return "MetaImage{" + header + "}";
    }
}
