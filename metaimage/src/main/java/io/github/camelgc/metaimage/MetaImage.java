package io.github.camelgc.metaimage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A MetaImage held in memory: a header and its pixel data (at most 2 GiB; stream larger images
 * slice by slice with {@link PixelStream} and {@link PixelSink}).
 *
 * <p>Elements are addressed by a linear index in file order: x fastest, then y, z, t; the channels of
 * one voxel are adjacent ({@code index = voxel * channels + channel}). The bytes keep the byte order
 * of the header, so reading and writing copy them unchanged.
 */
public final class MetaImage {

    private final MetaImageHeader header;
    private final ByteBuffer data;
    private final ElementType type;
    /** The header's element count, computed once: every voxel access checks its index against it. */
    private final long elementCount;
    private final int byteSize;

    private MetaImage(MetaImageHeader header, ByteBuffer data) {
        this.header = header;
        this.type = header.elementType();
        this.elementCount = header.elementCount();
        this.byteSize = type.byteSize();
        this.data = data.order(header.byteOrderMsb() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** A zero-filled image for {@code header}. */
    public static MetaImage create(MetaImageHeader header) {
        long size = header.dataSizeBytes();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image of " + size + " bytes is too large to hold in memory;"
                    + " stream it slice by slice with MetaImageReader.openPixels/MetaImageWriter.openPixels");
        }
        return new MetaImage(header, ByteBuffer.allocate((int) size));
    }

    /** An image over existing bytes (in the header's byte order); the buffer must hold exactly the pixel data. */
    public static MetaImage wrap(MetaImageHeader header, ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (data.remaining() != header.dataSizeBytes()) {
            throw new IllegalArgumentException("buffer holds " + data.remaining() + " bytes; header "
                    + header + " needs " + header.dataSizeBytes());
        }
        return new MetaImage(header, data.slice());
    }

    /** The header. */
    public MetaImageHeader header() {
        return header;
    }

    /** Number of elements: voxels times channels. */
    public long elementCount() {
        return elementCount;
    }

    /** Linear voxel index of an (x, y[, z[, t]]) position; multiply by channels for the element index. */
    public long voxelIndex(int... position) {
        long index = 0;
        long stride = 1;
        for (int axis = 0; axis < position.length; axis++) {
            index += position[axis] * stride;
            stride *= header.dim(axis);
        }
        return index;
    }

    /** The pixel bytes (a read-only view, position 0, in the header's byte order). */
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(data.order()).position(0);
    }

    /** Writable view of the bytes for the codec. */
    ByteBuffer mutableData() {
        return data.duplicate().order(data.order()).position(0);
    }

    /** This image with another header over the same bytes (which must have the same size and byte order). */
    public MetaImage withHeader(MetaImageHeader newHeader) {
        if (newHeader.dataSizeBytes() != header.dataSizeBytes() || newHeader.elementType() != type
                || newHeader.byteOrderMsb() != header.byteOrderMsb()) {
            throw new IllegalArgumentException("header " + newHeader + " does not describe the pixel data of "
                    + header);
        }
        return new MetaImage(newHeader, data);
    }

    /** A deep copy. */
    public MetaImage copy() {
        ByteBuffer copy = ByteBuffer.allocate(data.capacity());
        copy.put(data.duplicate().position(0));
        return new MetaImage(header, copy.flip());
    }

    /** Element {@code index} as a double (unsigned types as their unsigned value). */
    public double getDouble(long index) {
        int at = byteIndex(index);
        switch (type) {
            case MET_CHAR: return data.get(at);
            case MET_UCHAR: return data.get(at) & 0xFF;
            case MET_SHORT: return data.getShort(at);
            case MET_USHORT: return data.getShort(at) & 0xFFFF;
            case MET_INT: case MET_LONG: return data.getInt(at);
            case MET_UINT: case MET_ULONG: return data.getInt(at) & 0xFFFFFFFFL;
            case MET_LONG_LONG: return data.getLong(at);
            case MET_ULONG_LONG: return unsignedToDouble(data.getLong(at));
            case MET_FLOAT: return data.getFloat(at);
            default: return data.getDouble(at);
        }
    }

    /**
     * Element {@code index} as a long: integer types exactly (unsigned 64-bit as its raw bits),
     * floating-point types rounded to the nearest integer.
     */
    public long getLong(long index) {
        int at = byteIndex(index);
        switch (type) {
            case MET_CHAR: return data.get(at);
            case MET_UCHAR: return data.get(at) & 0xFF;
            case MET_SHORT: return data.getShort(at);
            case MET_USHORT: return data.getShort(at) & 0xFFFF;
            case MET_INT: case MET_LONG: return data.getInt(at);
            case MET_UINT: case MET_ULONG: return data.getInt(at) & 0xFFFFFFFFL;
            case MET_LONG_LONG: case MET_ULONG_LONG: return data.getLong(at);
            case MET_FLOAT: return Math.round((double) data.getFloat(at));
            default: return Math.round(data.getDouble(at));
        }
    }

    /**
     * Sets element {@code index}. Integer types round to the nearest integer and saturate at the
     * type's range (so 300 in MET_UCHAR becomes 255, not 44); NaN becomes 0.
     */
    public void setDouble(long index, double value) {
        int at = byteIndex(index);
        switch (type) {
            case MET_FLOAT: data.putFloat(at, (float) value); return;
            case MET_DOUBLE: data.putDouble(at, value); return;
            case MET_ULONG_LONG:
                data.putLong(at, doubleToUnsigned(value));
                return;
            default:
                if (Double.isNaN(value)) {
                    value = 0;
                }
                double clamped = Math.max(type.minValue(), Math.min(type.maxValue(), Math.rint(value)));
                putInteger(at, (long) clamped);
        }
    }

    /** Sets element {@code index} from an integer, saturating at the type's range (64-bit types take the raw bits). */
    public void setLong(long index, long value) {
        int at = byteIndex(index);
        switch (type) {
            case MET_FLOAT: data.putFloat(at, value); return;
            case MET_DOUBLE: data.putDouble(at, value); return;
            case MET_LONG_LONG: case MET_ULONG_LONG: data.putLong(at, value); return;
            default:
                putInteger(at, Math.max((long) type.minValue(), Math.min((long) type.maxValue(), value)));
        }
    }

    private void putInteger(int at, long v) {
        switch (type.byteSize()) {
            case 1: data.put(at, (byte) v); return;
            case 2: data.putShort(at, (short) v); return;
            case 4: data.putInt(at, (int) v); return;
            default: data.putLong(at, v);
        }
    }

    private int byteIndex(long index) {
        if (index < 0 || index >= elementCount) {
            throw new IndexOutOfBoundsException("element " + index + " outside 0.." + (elementCount - 1));
        }
        return (int) (index * byteSize);
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    private static long doubleToUnsigned(double value) {
        if (!(value > 0)) {
            return 0;
        }
        if (value >= 18446744073709551615.0) {
            return -1L;
        }
        if (value < 9.223372036854775807E18) {
            return Math.round(value);
        }
        return ((long) (value / 2)) << 1;
    }

    @Override
    public String toString() {
        return "MetaImage[" + header + "]";
    }
}
