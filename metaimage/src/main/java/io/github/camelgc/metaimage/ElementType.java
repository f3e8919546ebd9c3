package io.github.camelgc.metaimage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Pixel component types of the MetaImage format, with the byte size MetaIO (ITK) uses for each.
 *
 * <p>{@code MET_LONG}/{@code MET_ULONG} are 4 bytes in MetaIO (C {@code long} on the platforms it was
 * designed for); 64-bit integers are {@code MET_LONG_LONG}/{@code MET_ULONG_LONG}.
 */
public enum ElementType {
    /** 8-bit signed integer. */
    MET_CHAR(1, true, false),
    /** 8-bit unsigned integer (masks, label maps, RGB). */
    MET_UCHAR(1, false, false),
    /** 16-bit signed integer (CT in Hounsfield units). */
    MET_SHORT(2, true, false),
    /** 16-bit unsigned integer. */
    MET_USHORT(2, false, false),
    /** 32-bit signed integer. */
    MET_INT(4, true, false),
    /** 32-bit unsigned integer. */
    MET_UINT(4, false, false),
    /** 32-bit signed integer (MetaIO's C {@code long}). */
    MET_LONG(4, true, false),
    /** 32-bit unsigned integer (MetaIO's C {@code unsigned long}). */
    MET_ULONG(4, false, false),
    /** 64-bit signed integer. */
    MET_LONG_LONG(8, true, false),
    /** 64-bit unsigned integer. */
    MET_ULONG_LONG(8, false, false),
    /** 32-bit IEEE float (displacement fields, probabilities). */
    MET_FLOAT(4, true, true),
    /** 64-bit IEEE float. */
    MET_DOUBLE(8, true, true);

    private final int byteSize;
    private final boolean signed;
    private final boolean floatingPoint;

    ElementType(int byteSize, boolean signed, boolean floatingPoint) {
        this.byteSize = byteSize;
        this.signed = signed;
        this.floatingPoint = floatingPoint;
    }

    /** Bytes of one component of one pixel. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether the type can hold negative values. */
    public boolean isSigned() {
        return signed;
    }

    /** Whether the type is {@code MET_FLOAT} or {@code MET_DOUBLE}. */
    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Whether the type is an integer type. */
    public boolean isInteger() {
        return !floatingPoint;
    }

    /** Smallest value the type can hold (as a double; exact for every type up to 32 bits). */
    public double minValue() {
        switch (this) {
            case MET_CHAR: return Byte.MIN_VALUE;
            case MET_SHORT: return Short.MIN_VALUE;
            case MET_INT: case MET_LONG: return Integer.MIN_VALUE;
            case MET_LONG_LONG: return Long.MIN_VALUE;
            case MET_FLOAT: return -Float.MAX_VALUE;
            case MET_DOUBLE: return -Double.MAX_VALUE;
            default: return 0;
        }
    }

    /** Largest value the type can hold (as a double). */
    public double maxValue() {
        switch (this) {
            case MET_CHAR: return Byte.MAX_VALUE;
            case MET_UCHAR: return 0xFF;
            case MET_SHORT: return Short.MAX_VALUE;
            case MET_USHORT: return 0xFFFF;
            case MET_INT: case MET_LONG: return Integer.MAX_VALUE;
            case MET_UINT: case MET_ULONG: return 0xFFFFFFFFL;
            case MET_LONG_LONG: return Long.MAX_VALUE;
            case MET_ULONG_LONG: return 18446744073709551615.0;
            case MET_FLOAT: return Float.MAX_VALUE;
            default: return Double.MAX_VALUE;
        }
    }

    /** The type whose header name is {@code name} (exact, as in {@code ElementType = MET_SHORT}). */
    public static Optional<ElementType> fromHeaderName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
