package io.github.camelgc.metaimage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The header of a MetaImage file: geometry, pixel layout and storage of the pixel data.
 *
 * <p>Immutable: {@link #toBuilder()} starts a changed copy, {@link #builder()} a new header, {@link #of} gives
 * the defaults. The voxel grid in space is a {@link Geometry}; the accessors for its parts are here too.
 * Header keys this class does not model (e.g. {@code CenterOfRotation}, DICOM-like tags) are kept in
 * {@link #extraKeys()}, in file order, so a read/write round trip loses nothing.
 */
public final class MetaImageHeader {

    /** {@code ElementDataFile} value meaning "the pixel data follows the header in the same file". */
    public static final String LOCAL = "LOCAL";

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    private final Geometry geometry;
    private final ElementType elementType;
    private final int channels;
    private final String anatomicalOrientation;
    private final boolean compressed;
    private final boolean byteOrderMsb;
    private final String elementDataFile;
    private final long headerSize;
    private final Map<String, String> extraKeys;

    private MetaImageHeader(Builder b) {
        if (b.dimSize == null) {
            throw new IllegalArgumentException("DimSize is required");
        }
        int n = b.dimSize.length;
        this.geometry = new Geometry(b.dimSize, b.spacing != null ? b.spacing : Geometry.of(b.dimSize).spacing(),
                b.offset != null ? b.offset : new double[n],
                b.transformMatrix != null ? b.transformMatrix : Geometry.identity(n));
        this.elementType = Objects.requireNonNull(b.elementType, "elementType");
        if (b.channels < 1) {
            throw new IllegalArgumentException("ElementNumberOfChannels must be >= 1, got " + b.channels);
        }
        this.channels = b.channels;
        this.anatomicalOrientation = b.anatomicalOrientation;
        this.compressed = b.compressed;
        this.byteOrderMsb = b.byteOrderMsb;
        this.elementDataFile = Objects.requireNonNull(b.elementDataFile, "elementDataFile");
        this.headerSize = b.headerSize;
        requireSingleLine("AnatomicalOrientation", anatomicalOrientation);
        requireSingleLine("ElementDataFile", elementDataFile);
        for (Map.Entry<String, String> e : b.extraKeys.entrySet()) {
            // Keys and values end up as 'Key = Value' lines: a newline or '=' would inject other keys.
            if (!VALID_KEY.matcher(e.getKey()).matches() || HeaderCodec.KNOWN_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("extra header key '" + e.getKey()
                        + "' is not allowed; expected letters, digits, '_' or '-' and not a key the header models");
            }
            requireSingleLine(e.getKey(), e.getValue());
        }
        this.extraKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraKeys));
    }

    /** Whether {@code key} may be an extra header key: letters, digits, '_', '.' or '-'. */
    static boolean isValidExtraKey(String key) {
        return VALID_KEY.matcher(key).matches();
    }

    private static void requireSingleLine(String key, String value) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("value of header key " + key + " contains a line break");
        }
    }

    /**
     * A header with unit spacing, zero offset, identity direction, one channel, little-endian,
     * uncompressed, inline data.
     *
     * @param elementType the pixel component type
     * @param dimSize size of every axis, x first
     * @return the header
     */
    public static MetaImageHeader of(ElementType elementType, int... dimSize) {
        return builder(elementType, dimSize).build();
    }

    /**
     * A builder with the defaults of {@link #of}; {@link Builder#elementType} and {@link Builder#dimSize} (or
     * {@link Builder#geometry}) must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with the defaults of {@link #of} for the given pixel type and size.
     *
     * @param elementType the pixel component type
     * @param dimSize size of every axis, x first
     * @return a new builder
     */
    public static Builder builder(ElementType elementType, int... dimSize) {
        return builder().elementType(elementType).dimSize(dimSize);
    }

    /**
     * A builder holding every value of this header, to build a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---- accessors -------------------------------------------------------------------------------

    /** @return the voxel grid in space: dimensions, spacing, offset and direction */
    public Geometry geometry() {
        return geometry;
    }

    /** @return the number of axes ({@code NDims}) */
    public int nDims() {
        return geometry.nDims();
    }

    /** @return size of every axis, x first ({@code DimSize}) */
    public int[] dimSize() {
        return geometry.dimSize();
    }

    /**
     * Size of one axis.
     *
     * @param axis 0 for x, 1 for y, …
     * @return the number of voxels along it
     */
    public int dim(int axis) {
        return geometry.dim(axis);
    }

    /** @return the component type of the pixels */
    public ElementType elementType() {
        return elementType;
    }

    /** @return components per pixel ({@code ElementNumberOfChannels}, 1 for scalar images) */
    public int channels() {
        return channels;
    }

    /** @return physical size of a voxel along every axis ({@code ElementSpacing}), in mm by convention */
    public double[] spacing() {
        return geometry.spacing();
    }

    /** @return physical position of the first voxel ({@code Offset}) */
    public double[] offset() {
        return geometry.offset();
    }

    /** @return direction cosines, row by row as written in the file ({@code TransformMatrix}) */
    public double[] transformMatrix() {
        return geometry.transformMatrix();
    }

    /** @return {@code AnatomicalOrientation} (e.g. {@code RAI}), or {@code null} when absent */
    public String anatomicalOrientation() {
        return anatomicalOrientation;
    }

    /** @return whether the pixel data is zlib-compressed ({@code CompressedData}) */
    public boolean compressed() {
        return compressed;
    }

    /** @return whether multi-byte values are big-endian ({@code BinaryDataByteOrderMSB}) */
    public boolean byteOrderMsb() {
        return byteOrderMsb;
    }

    /** @return {@code ElementDataFile}: {@link #LOCAL} or the data file name relative to the header's folder */
    public String elementDataFile() {
        return elementDataFile;
    }

    /** @return whether the pixel data follows the header in the same file */
    public boolean isLocal() {
        return LOCAL.equals(elementDataFile);
    }

    /**
     * {@code HeaderSize}: bytes to skip at the start of a separate data file.
     *
     * @return the byte count, {@code -1} for "the data is at the end of the file", 0 when absent
     */
    public long headerSize() {
        return headerSize;
    }

    /** @return header keys this class does not model, in file order */
    public Map<String, String> extraKeys() {
        return extraKeys;
    }

    /** @return number of voxels (product of {@code DimSize}) */
    public long voxelCount() {
        return geometry.voxelCount();
    }

    /** @return number of pixel components: voxels times channels */
    public long elementCount() {
        return Math.multiplyExact(voxelCount(), channels);
    }

    /** @return bytes of the uncompressed pixel data */
    public long dataSizeBytes() {
        return Math.multiplyExact(elementCount(), elementType.byteSize());
    }

    /** @return bytes of one slice: one step along the last axis */
    public long sliceSizeBytes() {
        return dataSizeBytes() / sliceCount();
    }

    /** @return number of slices: the size of the last axis */
    public int sliceCount() {
        return geometry.dim(geometry.nDims() - 1);
    }

    /** @return physical volume of one voxel: the product of the spacing (mm^NDims) */
    public double voxelVolume() {
        return geometry.voxelVolume();
    }

    /**
     * Physical position of a voxel; see {@link Geometry#indexToPhysical(double...)}.
     *
     * @param index the (continuous) voxel index, one value per axis
     * @return the physical point
     */
    public double[] indexToPhysical(double... index) {
        return geometry.indexToPhysical(index);
    }

    /**
     * Continuous voxel index of a physical point; see {@link Geometry#physicalToIndex(double...)}.
     *
     * @param point the physical point, one value per axis
     * @return the continuous voxel index
     */
    public double[] physicalToIndex(double... point) {
        return geometry.physicalToIndex(point);
    }

    /**
     * Whether both headers describe the same voxel grid in space.
     *
     * @param other the other header
     * @return whether dimensions, spacing, offset and direction are equal
     */
    public boolean sameGeometry(MetaImageHeader other) {
        return geometry.equals(other.geometry);
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
        return channels == h.channels && compressed == h.compressed && byteOrderMsb == h.byteOrderMsb
                && headerSize == h.headerSize && geometry.equals(h.geometry) && elementType == h.elementType
                && Objects.equals(anatomicalOrientation, h.anatomicalOrientation)
                && elementDataFile.equals(h.elementDataFile) && extraKeys.equals(h.extraKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(geometry, elementType, channels, compressed, elementDataFile);
    }

    @Override
    public String toString() {
        return "MetaImageHeader[DimSize=" + java.util.Arrays.toString(geometry.dimSize())
                + ", ElementType=" + elementType + ", channels=" + channels
                + ", ElementSpacing=" + java.util.Arrays.toString(geometry.spacing())
                + ", Offset=" + java.util.Arrays.toString(geometry.offset()) + ", compressed=" + compressed
                + ", ElementDataFile=" + elementDataFile + "]";
    }

    /**
     * Collects the values of a header; {@link #build()} checks them together. Arrays are copied.
     * Obtained from {@link MetaImageHeader#builder()} or {@link MetaImageHeader#toBuilder()}.
     */
    public static final class Builder {

        // Geometry parts are held apart so they can be set in any order; build() joins and checks them.
        private int[] dimSize;
        private double[] spacing;
        private double[] offset;
        private double[] transformMatrix;
        private ElementType elementType;
        private int channels = 1;
        private String anatomicalOrientation;
        private boolean compressed;
        private boolean byteOrderMsb;
        private String elementDataFile = LOCAL;
        private long headerSize;
        private Map<String, String> extraKeys = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(MetaImageHeader h) {
            geometry(h.geometry);
            elementType = h.elementType;
            channels = h.channels;
            anatomicalOrientation = h.anatomicalOrientation;
            compressed = h.compressed;
            byteOrderMsb = h.byteOrderMsb;
            elementDataFile = h.elementDataFile;
            headerSize = h.headerSize;
            extraKeys = new LinkedHashMap<>(h.extraKeys);
        }

        /**
         * All of the geometry at once: dimensions, spacing, offset and direction.
         *
         * @param geometry the voxel grid in space
         * @return this builder
         */
        public Builder geometry(Geometry geometry) {
            dimSize = geometry.dimSize();
            spacing = geometry.spacing();
            offset = geometry.offset();
            transformMatrix = geometry.transformMatrix();
            return this;
        }

        /**
         * {@code DimSize}. With another number of axes than before, spacing, offset and direction keep their
         * values on the axes that remain (see {@link Geometry#resized(int...)}), {@code AnatomicalOrientation}
         * is cut to the new axes, and the extra keys with one value per axis ({@code CenterOfRotation},
         * {@code ElementSize}) are dropped.
         *
         * @param newDimSize size of every axis, x first
         * @return this builder
         */
        public Builder dimSize(int... newDimSize) {
            if (dimSize == null || newDimSize.length == dimSize.length) {
                dimSize = newDimSize.clone();
                return this;
            }
            int n = newDimSize.length;
            Geometry resized = new Geometry(dimSize,
                    spacing != null ? spacing : Geometry.of(dimSize).spacing(),
                    offset != null ? offset : new double[dimSize.length],
                    transformMatrix != null ? transformMatrix : Geometry.identity(dimSize.length))
                    .resized(newDimSize);
            geometry(resized);
            anatomicalOrientation = anatomicalOrientation != null && anatomicalOrientation.length() >= n
                    ? anatomicalOrientation.substring(0, n) : null;
            extraKeys.remove("CenterOfRotation");
            extraKeys.remove("ElementSize");
            return this;
        }

        /**
         * {@code ElementSpacing}; unit spacing when not set.
         *
         * @param newSpacing physical size of a voxel along every axis
         * @return this builder
         */
        public Builder spacing(double... newSpacing) {
            spacing = newSpacing.clone();
            return this;
        }

        /**
         * {@code Offset} (origin); zero when not set.
         *
         * @param newOffset physical position of the first voxel
         * @return this builder
         */
        public Builder offset(double... newOffset) {
            offset = newOffset.clone();
            return this;
        }

        /**
         * {@code TransformMatrix}, row by row as in the file; identity when not set.
         *
         * @param matrix the direction cosines
         * @return this builder
         */
        public Builder transformMatrix(double... matrix) {
            transformMatrix = matrix.clone();
            return this;
        }

        /**
         * {@code ElementType}; required.
         *
         * @param type the pixel component type
         * @return this builder
         */
        public Builder elementType(ElementType type) {
            elementType = type;
            return this;
        }

        /**
         * {@code ElementNumberOfChannels}; 1 when not set.
         *
         * @param newChannels components per pixel
         * @return this builder
         */
        public Builder channels(int newChannels) {
            channels = newChannels;
            return this;
        }

        /**
         * {@code AnatomicalOrientation}; absent when not set.
         *
         * @param orientation e.g. {@code RAI}, or {@code null} to omit it
         * @return this builder
         */
        public Builder anatomicalOrientation(String orientation) {
            anatomicalOrientation = orientation;
            return this;
        }

        /**
         * {@code CompressedData}; off when not set.
         *
         * @param newCompressed whether the pixel data is zlib-compressed
         * @return this builder
         */
        public Builder compressed(boolean newCompressed) {
            compressed = newCompressed;
            return this;
        }

        /**
         * {@code BinaryDataByteOrderMSB}; little-endian when not set.
         *
         * @param msb {@code true} for big-endian
         * @return this builder
         */
        public Builder byteOrderMsb(boolean msb) {
            byteOrderMsb = msb;
            return this;
        }

        /**
         * {@code ElementDataFile}; {@link #LOCAL} when not set.
         *
         * @param dataFile {@link #LOCAL} or a plain file name
         * @return this builder
         */
        public Builder elementDataFile(String dataFile) {
            elementDataFile = dataFile;
            return this;
        }

        /**
         * {@code HeaderSize}; 0 when not set.
         *
         * @param newHeaderSize bytes to skip in a separate data file, {@code -1} for "data at the end"
         * @return this builder
         */
        public Builder headerSize(long newHeaderSize) {
            headerSize = newHeaderSize;
            return this;
        }

        /**
         * Replaces all extra keys.
         *
         * @param keys header keys the header does not model, in file order
         * @return this builder
         */
        public Builder extraKeys(Map<String, String> keys) {
            extraKeys = new LinkedHashMap<>(keys);
            return this;
        }

        /**
         * Adds or replaces one extra key.
         *
         * @param key a key the header does not model
         * @param value its value, one line
         * @return this builder
         */
        public Builder extraKey(String key, String value) {
            extraKeys.put(key, value);
            return this;
        }

        /**
         * The header.
         *
         * @return the header
         * @throws IllegalArgumentException if a value is out of range or the geometry parts do not fit together
         * @throws NullPointerException if the element type was not set
         */
        public MetaImageHeader build() {
            return new MetaImageHeader(this);
        }
    }
}
