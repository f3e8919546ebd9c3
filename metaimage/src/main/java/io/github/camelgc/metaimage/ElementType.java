package io.github.camelgc.metaimage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pixel component types of the MetaImage format, with their sizes as MetaIO (ITK) defines them.
 *
 * <p>Note that MetaIO's {@code MET_LONG}/{@code MET_ULONG} are 32-bit; 64-bit integers are
 * {@code MET_LONG_LONG}/{@code MET_ULONG_LONG}.
 */
public enum ElementType {
    MET_CHAR(1, true, false, Byte.MIN_VALUE, Byte.MAX_VALUE),
    MET_UCHAR(1, false, false, 0, 0xFF),
    MET_SHORT(2, true, false, Short.MIN_VALUE, Short.MAX_VALUE),
    MET_USHORT(2, false, false, 0, 0xFFFF),
    MET_INT(4, true, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    MET_UINT(4, false, false, 0, 0xFFFF_FFFFL),
    MET_LONG(4, true, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    MET_ULONG(4, false, false, 0, 0xFFFF_FFFFL),
    MET_LONG_LONG(8, true, false, Long.MIN_VALUE, Long.MAX_VALUE),
    /** Unsigned 64-bit; {@code long} accessors carry the raw bits, {@code double} ones the unsigned value. */
    MET_ULONG_LONG(8, false, false, 0, -1L),
    MET_FLOAT(4, true, true, 0, 0),
    MET_DOUBLE(8, true, true, 0, 0);

    private final int byteSize;
    private final boolean signed;
    private final boolean floatingPoint;
    private final long minValue;
    private final long maxValue;

    ElementType(int byteSize, boolean signed, boolean floatingPoint, long minValue, long maxValue) {
        this.byteSize = byteSize;
        this.signed = signed;
        this.floatingPoint = floatingPoint;
        this.minValue = minValue;
        this.maxValue = maxValue;
    }

    /** Size of one component in bytes. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    public boolean isInteger() {
        return !floatingPoint;
    }

    /** Smallest representable value of an integer type (not meaningful for floating-point types). */
    long minValue() {
        return minValue;
    }

    /** Largest representable value of an integer type ({@code -1} stands for 2^64-1 of MET_ULONG_LONG). */
    long maxValue() {
        return maxValue;
    }

    /** The type whose header name is {@code name} (e.g. {@code "MET_SHORT"}), if it is one we support. */
    public static Optional<ElementType> fromHeaderName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
