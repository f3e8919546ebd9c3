package io.github.camelgc.metaimage;

import java.util.Arrays;

/**
 * Where the voxel grid of an image lies in space: its size ({@code DimSize}), voxel spacing
 * ({@code ElementSpacing}), the position of the first voxel ({@code Offset}) and the direction of its axes
 * ({@code TransformMatrix}).
 *
 * <p>Immutable; arrays are copied in and out, and {@code equals} compares their contents. Axes are in file order
 * ({@code x} first); the transform matrix is stored row by row as in the file, i.e. its first {@code NDims} values
 * are the direction of the x axis.
 *
 * @param dimSize size of every axis, x first; 1 to 8 axes, each at least 1
 * @param spacing physical size of a voxel along every axis, in mm by convention
 * @param offset physical position of the first voxel
 * @param transformMatrix direction cosines, {@code NDims x NDims}, row by row as written in the file
 */
public record Geometry(int[] dimSize, double[] spacing, double[] offset, double[] transformMatrix) {

    /** Checks the sizes and copies the arrays. */
    public Geometry {
        int n = dimSize.length;
        if (n < 1 || n > 8) {
            throw new IllegalArgumentException("NDims must be 1..8, got " + n);
        }
        for (int d : dimSize) {
            if (d < 1) {
                throw new IllegalArgumentException("DimSize values must be >= 1, got " + Arrays.toString(dimSize));
            }
        }
        requireLength("ElementSpacing", spacing, n);
        requireLength("Offset", offset, n);
        requireLength("TransformMatrix", transformMatrix, n * n);
        dimSize = dimSize.clone();
        spacing = spacing.clone();
        offset = offset.clone();
        transformMatrix = transformMatrix.clone();
    }

    private static void requireLength(String key, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(key + " needs " + expected + " values, got " + values.length);
        }
    }

    /**
     * A grid of the given size with unit spacing, zero offset and identity direction.
     *
     * @param dimSize size of every axis, x first
     * @return the geometry
     */
    public static Geometry of(int... dimSize) {
        int n = dimSize.length;
        return new Geometry(dimSize, filled(n, 1.0), new double[n], identity(n));
    }

    /**
     * Row-major identity matrix.
     *
     * @param n the number of rows and columns
     * @return {@code n * n} values, ones on the diagonal
     */
    public static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1.0;
        }
        return m;
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    /**
     * The same grid with other dimensions. With the same number of axes only the sizes change; with another
     * number, spacing, offset and direction keep their values on the axes that remain and new axes get unit
     * spacing, zero offset and identity direction.
     *
     * @param newDimSize size of every axis, x first
     * @return the resized geometry
     */
    public Geometry resized(int... newDimSize) {
        int n = newDimSize.length;
        int old = nDims();
        if (n == old) {
            return new Geometry(newDimSize, spacing, offset, transformMatrix);
        }
        double[] s = filled(n, 1.0);
        double[] o = new double[n];
        double[] m = identity(n);
        int keep = Math.min(n, old);
        System.arraycopy(spacing, 0, s, 0, keep);
        System.arraycopy(offset, 0, o, 0, keep);
        for (int r = 0; r < keep; r++) {
            for (int c = 0; c < keep; c++) {
                m[r * n + c] = transformMatrix[r * old + c];
            }
        }
        return new Geometry(newDimSize, s, o, m);
    }

    // The record's accessors would hand out the internal arrays.

    /** @return size of every axis, x first ({@code DimSize}), a copy */
    @Override
    public int[] dimSize() {
        return dimSize.clone();
    }

    /** @return physical size of a voxel along every axis ({@code ElementSpacing}), a copy */
    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /** @return physical position of the first voxel ({@code Offset}), a copy */
    @Override
    public double[] offset() {
        return offset.clone();
    }

    /** @return direction cosines, row by row as written in the file ({@code TransformMatrix}), a copy */
    @Override
    public double[] transformMatrix() {
        return transformMatrix.clone();
    }

    /** @return the number of axes ({@code NDims}) */
    public int nDims() {
        return dimSize.length;
    }

    /**
     * Size of one axis.
     *
     * @param axis 0 for x, 1 for y, …
     * @return the number of voxels along it
     */
    public int dim(int axis) {
        return dimSize[axis];
    }

    /** @return number of voxels (product of {@code DimSize}) */
    public long voxelCount() {
        long count = 1;
        for (int d : dimSize) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** @return physical volume of one voxel: the product of the spacing (mm^NDims) */
    public double voxelVolume() {
        double v = 1;
        for (double s : spacing) {
            v *= s;
        }
        return v;
    }

    /**
     * Physical position of a voxel, per {@code Offset + D * (index * spacing)}.
     *
     * @param index the (continuous) voxel index, one value per axis
     * @return the physical point
     */
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

    /**
     * Continuous voxel index of a physical point: the inverse of {@link #indexToPhysical(double...)}.
     *
     * @param point the physical point, one value per axis
     * @return the continuous voxel index
     * @throws IllegalStateException if the direction matrix with the spacing is singular
     */
    public double[] physicalToIndex(double... point) {
        int n = nDims();
        // Direction matrices are orthonormal in practice, but solve the general case to stay exact.
        double[][] a = new double[n][n + 1];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                a[row][col] = transformMatrix[col * n + row] * spacing[col];
            }
            a[row][n] = point[row] - offset[row];
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
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = a[i][n] / a[i][i];
        }
        return idx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && Arrays.equals(dimSize, g.dimSize) && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(offset, g.offset) && Arrays.equals(transformMatrix, g.transformMatrix);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(dimSize) + Arrays.hashCode(spacing)) + Arrays.hashCode(offset))
                + Arrays.hashCode(transformMatrix);
    }

    @Override
    public String toString() {
        return "Geometry[DimSize=" + Arrays.toString(dimSize) + ", ElementSpacing=" + Arrays.toString(spacing)
                + ", Offset=" + Arrays.toString(offset) + ", TransformMatrix=" + Arrays.toString(transformMatrix)
                + "]";
    }
}
