package io.github.camelgc.metaimage;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The header of a MetaImage: pixel layout (dimensions, element type, channels, byte order, compression),
 * geometry (spacing, offset, direction) and every other key of the file, in order, so that a read → write
 * round trip keeps what it does not understand.
 *
 * <p>Immutable; change it with the {@code withXxx} copies or {@link #toBuilder()}. Axes are in file order
 * (x fastest). The direction matrix is kept as MetaIO writes it: the {@code n} components of axis
 * {@code i}'s direction are {@code transformMatrix[i*n .. i*n+n-1]}.
 */
public final class MetaImageHeader {

    /** {@code ElementDataFile} value of a {@code .mha} whose pixel data follows the header. */
    public static final String LOCAL = "LOCAL";

    private final int[] dimSize;
    private final ElementType elementType;
    private final int channels;
    private final double[] spacing;
    private final double[] offset;
    private final double[] transformMatrix;
    private final String anatomicalOrientation;
    private final boolean compressed;
    private final boolean msb;
    private final String elementDataFile;
    private final long compressedDataSize;
    private final Map<String, String> extraKeys;

    private MetaImageHeader(Builder b) {
        if (b.dimSize == null || b.dimSize.length == 0) {
            throw new IllegalArgumentException("DimSize must have at least one axis");
        }
        for (int d : b.dimSize) {
            if (d < 1) {
                throw new IllegalArgumentException("DimSize must be positive on every axis, got " + Arrays.toString(b.dimSize));
            }
        }
        int n = b.dimSize.length;
        this.dimSize = b.dimSize.clone();
        this.elementType = Objects.requireNonNull(b.elementType, "elementType");
        if (b.channels < 1) {
            throw new IllegalArgumentException("ElementNumberOfChannels must be at least 1, got " + b.channels);
        }
        this.channels = b.channels;
        this.spacing = checkLength("ElementSpacing", b.spacing == null ? filled(n, 1) : b.spacing.clone(), n);
        this.offset = checkLength("Offset", b.offset == null ? new double[n] : b.offset.clone(), n);
        this.transformMatrix = checkLength("TransformMatrix",
                b.transformMatrix == null ? identity(n) : b.transformMatrix.clone(), n * n);
        this.anatomicalOrientation = b.anatomicalOrientation;
        this.compressed = b.compressed;
        this.msb = b.msb;
        this.elementDataFile = b.elementDataFile;
        this.compressedDataSize = b.compressedDataSize;
        this.extraKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraKeys));
    }

    /** A builder for an image of {@code type} with the given sizes (x first); geometry defaults to identity. */
    public static Builder builder(ElementType type, int... dimSize) {
        return new Builder().elementType(type).dimSize(dimSize);
    }

    /** A builder holding this header's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dimSize = dimSize.clone();
        b.elementType = elementType;
        b.channels = channels;
        b.spacing = spacing.clone();
        b.offset = offset.clone();
        b.transformMatrix = transformMatrix.clone();
        b.anatomicalOrientation = anatomicalOrientation;
        b.compressed = compressed;
        b.msb = msb;
        b.elementDataFile = elementDataFile;
        b.compressedDataSize = compressedDataSize;
        b.extraKeys.putAll(extraKeys);
        return b;
    }

    public int ndims() {
        return dimSize.length;
    }

    /** Sizes of the axes, x first (a copy). */
    public int[] dimSize() {
        return dimSize.clone();
    }

    /** Size of axis {@code axis} (0 = x). */
    public int dim(int axis) {
        return dimSize[axis];
    }

    public ElementType elementType() {
        return elementType;
    }

    /** Components per voxel ({@code ElementNumberOfChannels}); 3 for RGB, 1 for scalar images. */
    public int channels() {
        return channels;
    }

    /** Voxel spacing per axis (a copy). */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Physical position of the first voxel (a copy). */
    public double[] offset() {
        return offset.clone();
    }

    /** Direction cosines, {@code ndims × ndims}, as stored in the file (a copy). */
    public double[] transformMatrix() {
        return transformMatrix.clone();
    }

    /** {@code AnatomicalOrientation} (e.g. {@code RAI}), or {@code null} when the file has none. */
    public String anatomicalOrientation() {
        return anatomicalOrientation;
    }

    public boolean compressed() {
        return compressed;
    }

    /** Whether pixel data is big-endian ({@code BinaryDataByteOrderMSB = True}). */
    public boolean msb() {
        return msb;
    }

    public ByteOrder byteOrder() {
        return msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** {@code ElementDataFile} as read ({@link #LOCAL} or a file name), or {@code null} for a new image. */
    public String elementDataFile() {
        return elementDataFile;
    }

    /** {@code CompressedDataSize} as read, or {@code -1} when absent; the writer always recomputes it. */
    public long compressedDataSize() {
        return compressedDataSize;
    }

    /** Every other key of the header in file order (e.g. {@code CenterOfRotation}, DICOM-like tags). */
    public Map<String, String> extraKeys() {
        return extraKeys;
    }

    /** Number of voxels (product of {@link #dimSize()}). */
    public long voxelCount() {
        long count = 1;
        for (int d : dimSize) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** Number of pixel components: voxels × channels. */
    public long elementCount() {
        return Math.multiplyExact(voxelCount(), channels);
    }

    /** Size of the uncompressed pixel data in bytes. */
    public long dataSizeBytes() {
        return Math.multiplyExact(elementCount(), elementType.byteSize());
    }

    /** Physical position of the voxel at (continuous) index {@code index}: offset + Σ index·spacing·direction. */
    public double[] indexToPhysical(double... index) {
        int n = ndims();
        double[] p = offset.clone();
        for (int axis = 0; axis < n; axis++) {
            double step = index[axis] * spacing[axis];
            for (int c = 0; c < n; c++) {
                p[c] += step * transformMatrix[axis * n + c];
            }
        }
        return p;
    }

    /** Continuous index of physical point {@code point}; inverse of {@link #indexToPhysical}. */
    public double[] physicalToIndex(double... point) {
        int n = ndims();
        double[] d = new double[n];
        for (int c = 0; c < n; c++) {
            d[c] = point[c] - offset[c];
        }
        double[] index = LinearAlgebra.solveColumns(transformMatrix, n, d);
        for (int axis = 0; axis < n; axis++) {
            index[axis] /= spacing[axis];
        }
        return index;
    }

    public MetaImageHeader withDimSize(int... sizes) {
        return toBuilder().dimSize(sizes).build();
    }

    public MetaImageHeader withElementType(ElementType type) {
        return toBuilder().elementType(type).build();
    }

    public MetaImageHeader withChannels(int count) {
        return toBuilder().channels(count).build();
    }

    public MetaImageHeader withSpacing(double... values) {
        return toBuilder().spacing(values).build();
    }

    public MetaImageHeader withOffset(double... values) {
        return toBuilder().offset(values).build();
    }

    public MetaImageHeader withTransformMatrix(double... values) {
        return toBuilder().transformMatrix(values).build();
    }

    public MetaImageHeader withAnatomicalOrientation(String value) {
        return toBuilder().anatomicalOrientation(value).build();
    }

    public MetaImageHeader withCompressed(boolean value) {
        return toBuilder().compressed(value).build();
    }

    public MetaImageHeader withMsb(boolean value) {
        return toBuilder().msb(value).build();
    }

    public MetaImageHeader withElementDataFile(String value) {
        return toBuilder().elementDataFile(value).build();
    }

    public MetaImageHeader withExtraKey(String key, String value) {
        return toBuilder().extraKey(key, value).build();
    }

    public MetaImageHeader withoutExtraKey(String key) {
        Builder b = toBuilder();
        b.extraKeys.remove(key);
        return b.build();
    }

    /** Same pixel layout (sizes, type, channels, byte order)? Geometry and keys may differ. */
    public boolean sameLayout(MetaImageHeader other) {
        return Arrays.equals(dimSize, other.dimSize) && elementType == other.elementType
                && channels == other.channels && msb == other.msb;
    }

    /** Same sizes, spacing, offset and direction? Type, channels and keys may differ. */
    public boolean sameGeometry(MetaImageHeader other) {
        return Arrays.equals(dimSize, other.dimSize) && Arrays.equals(spacing, other.spacing)
                && Arrays.equals(offset, other.offset) && Arrays.equals(transformMatrix, other.transformMatrix);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetaImageHeader)) {
            return false;
        }
        MetaImageHeader h = (MetaImageHeader) o;
        return sameLayout(h) && sameGeometry(h) && compressed == h.compressed
                && compressedDataSize == h.compressedDataSize
                && Objects.equals(anatomicalOrientation, h.anatomicalOrientation)
                && Objects.equals(elementDataFile, h.elementDataFile) && extraKeys.equals(h.extraKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(dimSize), elementType, channels, Arrays.hashCode(spacing), msb, compressed);
    }

    @Override
    public String toString() {
        return "MetaImageHeader{" + elementType + " " + Arrays.toString(dimSize)
                + (channels > 1 ? " x" + channels + " channels" : "")
                + ", spacing=" + Arrays.toString(spacing) + ", offset=" + Arrays.toString(offset)
                + (compressed ? ", compressed" : "") + (msb ? ", MSB" : "")
                + (elementDataFile != null ? ", data=" + elementDataFile : "") + "}";
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1;
        }
        return m;
    }

    private static double[] checkLength(String key, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(key + " needs " + expected + " values, got " + values.length);
        }
        return values;
    }

    /** Mutable builder of {@link MetaImageHeader}. */
    public static final class Builder {
        private int[] dimSize;
        private ElementType elementType;
        private int channels = 1;
        private double[] spacing;
        private double[] offset;
        private double[] transformMatrix;
        private String anatomicalOrientation;
        private boolean compressed;
        private boolean msb;
        private String elementDataFile;
        private long compressedDataSize = -1;
        private final Map<String, String> extraKeys = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the axis sizes. Changing the number of axes resets spacing, offset and direction to their
         * defaults (they no longer fit) and drops {@code CenterOfRotation}.
         */
        public Builder dimSize(int... sizes) {
            if (dimSize != null && sizes.length != dimSize.length) {
                spacing = null;
                offset = null;
                transformMatrix = null;
                extraKeys.remove("CenterOfRotation");
            }
            dimSize = sizes.clone();
            return this;
        }

        public Builder elementType(ElementType type) {
            elementType = type;
            return this;
        }

        public Builder channels(int count) {
            channels = count;
            return this;
        }

        public Builder spacing(double... values) {
            spacing = values.clone();
            return this;
        }

        public Builder offset(double... values) {
            offset = values.clone();
            return this;
        }

        public Builder transformMatrix(double... values) {
            transformMatrix = values.clone();
            return this;
        }

        public Builder anatomicalOrientation(String value) {
            anatomicalOrientation = value;
            return this;
        }

        public Builder compressed(boolean value) {
            compressed = value;
            return this;
        }

        public Builder msb(boolean value) {
            msb = value;
            return this;
        }

        public Builder elementDataFile(String value) {
            elementDataFile = value;
            return this;
        }

        public Builder compressedDataSize(long value) {
            compressedDataSize = value;
            return this;
        }

        /** Adds or replaces a key the codec does not interpret; keeps insertion order. */
        public Builder extraKey(String key, String value) {
            if (HeaderCodec.isInterpretedKey(key)) {
                throw new IllegalArgumentException(key + " is a standard key; use its own setter");
            }
            extraKeys.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public MetaImageHeader build() {
            return new MetaImageHeader(this);
        }
    }
}
