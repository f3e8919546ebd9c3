package io.github.camelgc.metaimage;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The header of a MetaImage file: geometry, pixel layout and storage of the pixel data.
 *
 * <p>Immutable: every {@code withXxx} method returns a changed copy. Arrays are copied in and out.
 * Axes are in file order ({@code x} first); the transform matrix is stored row by row as in the file
 * ({@code TransformMatrix}), i.e. its first {@code NDims} values are the direction of the x axis.
 * Header keys this class does not model (e.g. {@code CenterOfRotation}, DICOM-like tags) are kept in
 * {@link #extraKeys()}, in file order, so a read/write round trip loses nothing.
 */
public final class MetaImageHeader {

    /** {@code ElementDataFile} value meaning "the pixel data follows the header in the same file". */
    public static final String LOCAL = "LOCAL";

    private final int[] dimSize;
    private final ElementType elementType;
    private final int channels;
    private final double[] spacing;
    private final double[] offset;
    private final double[] transformMatrix;
    private final String anatomicalOrientation;
    private final boolean compressed;
    private final boolean byteOrderMsb;
    private final String elementDataFile;
    private final long headerSize;
    private final Map<String, String> extraKeys;

    private MetaImageHeader(int[] dimSize, ElementType elementType, int channels, double[] spacing,
            double[] offset, double[] transformMatrix, String anatomicalOrientation, boolean compressed,
            boolean byteOrderMsb, String elementDataFile, long headerSize, Map<String, String> extraKeys) {
        int n = dimSize.length;
        if (n < 1 || n > 8) {
            throw new IllegalArgumentException("NDims must be 1..8, got " + n);
        }
        for (int d : dimSize) {
            if (d < 1) {
                throw new IllegalArgumentException("DimSize values must be >= 1, got " + Arrays.toString(dimSize));
            }
        }
        if (channels < 1) {
            throw new IllegalArgumentException("ElementNumberOfChannels must be >= 1, got " + channels);
        }
        requireLength("ElementSpacing", spacing, n);
        requireLength("Offset", offset, n);
        requireLength("TransformMatrix", transformMatrix, n * n);
        this.dimSize = dimSize.clone();
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        this.channels = channels;
        this.spacing = spacing.clone();
        this.offset = offset.clone();
        this.transformMatrix = transformMatrix.clone();
        this.anatomicalOrientation = anatomicalOrientation;
        this.compressed = compressed;
        this.byteOrderMsb = byteOrderMsb;
        this.elementDataFile = Objects.requireNonNull(elementDataFile, "elementDataFile");
        this.headerSize = headerSize;
        requireSingleLine("AnatomicalOrientation", anatomicalOrientation);
        requireSingleLine("ElementDataFile", elementDataFile);
        for (Map.Entry<String, String> e : extraKeys.entrySet()) {
            // Keys and values end up as 'Key = Value' lines: a newline or '=' would inject other keys.
            if (!VALID_KEY.matcher(e.getKey()).matches() || HeaderCodec.KNOWN_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("extra header key '" + e.getKey()
                        + "' is not allowed; expected letters, digits, '_' or '-' and not a key the header models");
            }
            requireSingleLine(e.getKey(), e.getValue());
        }
        this.extraKeys = Collections.unmodifiableMap(new LinkedHashMap<>(extraKeys));
    }

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    private static void requireSingleLine(String key, String value) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("value of header key " + key + " contains a line break");
        }
    }

    private static void requireLength(String key, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(key + " needs " + expected + " values, got " + values.length);
        }
    }

    /**
     * A header with unit spacing, zero offset, identity direction, one channel, little-endian,
     * uncompressed, inline data.
     */
    public static MetaImageHeader of(ElementType elementType, int... dimSize) {
        int n = dimSize.length;
        double[] spacing = new double[n];
        Arrays.fill(spacing, 1.0);
        return new MetaImageHeader(dimSize, elementType, 1, spacing, new double[n], identity(n), null,
                false, false, LOCAL, 0, Map.of());
    }

    /** Row-major identity matrix of size {@code n x n}. */
    public static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1.0;
        }
        return m;
    }

    // ---- accessors -------------------------------------------------------------------------------

    /** Number of axes ({@code NDims}). */
    public int nDims() {
        return dimSize.length;
    }

    /** Size of every axis, x first ({@code DimSize}). */
    public int[] dimSize() {
        return dimSize.clone();
    }

    /** Size of one axis. */
    public int dim(int axis) {
        return dimSize[axis];
    }

    /** Component type of the pixels. */
    public ElementType elementType() {
        return elementType;
    }

    /** Components per pixel ({@code ElementNumberOfChannels}, 1 for scalar images). */
    public int channels() {
        return channels;
    }

    /** Physical size of a voxel along every axis ({@code ElementSpacing}), in mm by convention. */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Physical position of the first voxel ({@code Offset}). */
    public double[] offset() {
        return offset.clone();
    }

    /** Direction cosines, row by row as written in the file ({@code TransformMatrix}). */
    public double[] transformMatrix() {
        return transformMatrix.clone();
    }

    /** {@code AnatomicalOrientation} (e.g. {@code RAI}), or {@code null} when absent. */
    public String anatomicalOrientation() {
        return anatomicalOrientation;
    }

    /** Whether the pixel data is zlib-compressed ({@code CompressedData}). */
    public boolean compressed() {
        return compressed;
    }

    /** Whether multi-byte values are big-endian ({@code BinaryDataByteOrderMSB}). */
    public boolean byteOrderMsb() {
        return byteOrderMsb;
    }

    /** {@code ElementDataFile}: {@link #LOCAL} or the data file name relative to the header's folder. */
    public String elementDataFile() {
        return elementDataFile;
    }

    /** Whether the pixel data follows the header in the same file. */
    public boolean isLocal() {
        return LOCAL.equals(elementDataFile);
    }

    /**
     * {@code HeaderSize}: bytes to skip at the start of a separate data file; {@code -1} means
     * "the data is at the end of the file". 0 when absent.
     */
    public long headerSize() {
        return headerSize;
    }

    /** Header keys this class does not model, in file order. */
    public Map<String, String> extraKeys() {
        return extraKeys;
    }

    /** Number of voxels (product of {@code DimSize}). */
    public long voxelCount() {
        long count = 1;
        for (int d : dimSize) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** Number of pixel components: voxels times channels. */
    public long elementCount() {
        return Math.multiplyExact(voxelCount(), channels);
    }

    /** Bytes of the uncompressed pixel data. */
    public long dataSizeBytes() {
        return Math.multiplyExact(elementCount(), elementType.byteSize());
    }

    /** Bytes of one slice: one step along the last axis. */
    public long sliceSizeBytes() {
        return dataSizeBytes() / dimSize[dimSize.length - 1];
    }

    /** Number of slices: the size of the last axis. */
    public int sliceCount() {
        return dimSize[dimSize.length - 1];
    }

    /** Physical volume of one voxel: the product of the spacing (mm^NDims). */
    public double voxelVolume() {
        double v = 1;
        for (double s : spacing) {
            v *= s;
        }
        return v;
    }

    /** Physical position of the voxel with the given index (continuous), per {@code Offset + D * (i * spacing)}. */
    public double[] indexToPhysical(double... index) {
        int n = nDims();
        double[] p = new double[n];
        for (int row = 0; row < n; row++) {
            double sum = offset[row];
            for (int col = 0; col < n; col++) {
                // The file stores direction vectors row by row: entry (col, row) is component row of axis col.
                sum += transformMatrix[col * n + row] * index[col] * spacing[col];
            }
            p[row] = sum;
        }
        return p;
    }

    /** Continuous voxel index of a physical point: the inverse of {@link #indexToPhysical(double...)}. */
    public double[] physicalToIndex(double... point) {
        int n = nDims();
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            rel[i] = point[i] - offset[i];
        }
        double[] idx = new double[n];
        // Direction matrices are orthonormal in practice, but solve the general case to stay exact.
        double[][] a = new double[n][n + 1];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                a[row][col] = transformMatrix[col * n + row] * spacing[col];
            }
            a[row][n] = rel[row];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            if (a[c][c] == 0) {
                throw new IllegalStateException("TransformMatrix with spacing is singular");
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            idx[i] = a[i][n] / a[i][i];
        }
        return idx;
    }

    // ---- copies ----------------------------------------------------------------------------------

    /** Copy with other dimensions; spacing, offset and direction keep their values where the axes remain. */
    public MetaImageHeader withDimSize(int... newDims) {
        int n = newDims.length;
        if (n == nDims()) {
            return new MetaImageHeader(newDims, elementType, channels, spacing, offset, transformMatrix,
                    anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
        }
        double[] s = new double[n];
        double[] o = new double[n];
        double[] m = identity(n);
        int keep = Math.min(n, nDims());
        for (int i = 0; i < n; i++) {
            s[i] = i < keep ? spacing[i] : 1.0;
            o[i] = i < keep ? offset[i] : 0.0;
        }
        for (int r = 0; r < keep; r++) {
            for (int c = 0; c < keep; c++) {
                m[r * n + c] = transformMatrix[r * nDims() + c];
            }
        }
        String orientation = anatomicalOrientation != null && anatomicalOrientation.length() >= n
                ? anatomicalOrientation.substring(0, n) : null;
        return new MetaImageHeader(newDims, elementType, channels, s, o, m, orientation, compressed,
                byteOrderMsb, elementDataFile, headerSize, dropDimensional(extraKeys));
    }

    // Keys whose values have one entry per axis would be wrong after a change of NDims.
    private static Map<String, String> dropDimensional(Map<String, String> keys) {
        Map<String, String> copy = new LinkedHashMap<>(keys);
        copy.remove("CenterOfRotation");
        copy.remove("ElementSize");
        return copy;
    }

    /** Copy with another component type. */
    public MetaImageHeader withElementType(ElementType type) {
        return new MetaImageHeader(dimSize, type, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another number of components per pixel. */
    public MetaImageHeader withChannels(int newChannels) {
        return new MetaImageHeader(dimSize, elementType, newChannels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another spacing. */
    public MetaImageHeader withSpacing(double... newSpacing) {
        return new MetaImageHeader(dimSize, elementType, channels, newSpacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another offset (origin). */
    public MetaImageHeader withOffset(double... newOffset) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, newOffset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another direction matrix (row by row as in the file). */
    public MetaImageHeader withTransformMatrix(double... matrix) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, matrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another {@code AnatomicalOrientation} ({@code null} to omit it). */
    public MetaImageHeader withAnatomicalOrientation(String orientation) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                orientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with zlib compression on or off. */
    public MetaImageHeader withCompressed(boolean newCompressed) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, newCompressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with big-endian ({@code true}) or little-endian byte order. */
    public MetaImageHeader withByteOrderMsb(boolean msb) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, msb, elementDataFile, headerSize, extraKeys);
    }

    /** Copy with another {@code ElementDataFile} ({@link #LOCAL} or a plain file name). */
    public MetaImageHeader withElementDataFile(String dataFile) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, dataFile, headerSize, extraKeys);
    }

    /** Copy with another {@code HeaderSize} (bytes to skip in a separate data file). */
    public MetaImageHeader withHeaderSize(long newHeaderSize) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, newHeaderSize, extraKeys);
    }

    /** Copy with other extra keys (replacing all of them). */
    public MetaImageHeader withExtraKeys(Map<String, String> keys) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, keys);
    }

    /** Copy with one extra key added or replaced. */
    public MetaImageHeader withExtraKey(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(extraKeys);
        copy.put(key, value);
        return withExtraKeys(copy);
    }

    /** Copy whose geometry (spacing, offset, direction, orientation) is that of {@code other}. */
    public MetaImageHeader withGeometryOf(MetaImageHeader other) {
        return withSpacing(other.spacing).withOffset(other.offset).withTransformMatrix(other.transformMatrix)
                .withAnatomicalOrientation(other.anatomicalOrientation);
    }

    /** Whether both headers describe the same voxel grid in space (dims, spacing, offset, direction). */
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
        return channels == h.channels && compressed == h.compressed && byteOrderMsb == h.byteOrderMsb
                && headerSize == h.headerSize && Arrays.equals(dimSize, h.dimSize) && elementType == h.elementType
                && Arrays.equals(spacing, h.spacing) && Arrays.equals(offset, h.offset)
                && Arrays.equals(transformMatrix, h.transformMatrix)
                && Objects.equals(anatomicalOrientation, h.anatomicalOrientation)
                && elementDataFile.equals(h.elementDataFile) && extraKeys.equals(h.extraKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(dimSize), elementType, channels, Arrays.hashCode(spacing),
                Arrays.hashCode(offset), compressed, elementDataFile);
    }

    @Override
    public String toString() {
        return "MetaImageHeader[DimSize=" + Arrays.toString(dimSize) + ", ElementType=" + elementType
                + ", channels=" + channels + ", ElementSpacing=" + Arrays.toString(spacing)
                + ", Offset=" + Arrays.toString(offset) + ", compressed=" + compressed
                + ", ElementDataFile=" + elementDataFile + "]";
    }

    /** Builds a header from parsed fields; used by the header parser. */
    static MetaImageHeader fromFields(int[] dimSize, ElementType elementType, int channels, double[] spacing,
            double[] offset, double[] transformMatrix, String anatomicalOrientation, boolean compressed,
            boolean byteOrderMsb, String elementDataFile, long headerSize, Map<String, String> extraKeys) {
        return new MetaImageHeader(dimSize, elementType, channels, spacing, offset, transformMatrix,
                anatomicalOrientation, compressed, byteOrderMsb, elementDataFile, headerSize, extraKeys);
    }
}
