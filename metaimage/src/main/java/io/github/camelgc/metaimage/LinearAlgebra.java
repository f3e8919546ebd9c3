package io.github.camelgc.metaimage;

/** The one bit of linear algebra the geometry needs; too small to justify a matrix library. */
final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /**
     * Solves {@code A x = b} where column {@code j} of the {@code n × n} matrix {@code A} is
     * {@code columns[j*n .. j*n+n-1]} (MetaIO's direction layout), by Gaussian elimination with partial pivoting.
     */
    static double[] solveColumns(double[] columns, int n, double[] b) {
        double[][] a = new double[n][n + 1];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                a[row][col] = columns[col * n + row];
            }
            a[row][n] = b[row];
        }
        for (int pivot = 0; pivot < n; pivot++) {
            int best = pivot;
            for (int row = pivot + 1; row < n; row++) {
                if (Math.abs(a[row][pivot]) > Math.abs(a[best][pivot])) {
                    best = row;
                }
            }
            if (Math.abs(a[best][pivot]) < 1e-12) {
                throw new IllegalArgumentException("TransformMatrix is singular");
            }
            double[] tmp = a[pivot];
            a[pivot] = a[best];
            a[best] = tmp;
            for (int row = 0; row < n; row++) {
                if (row != pivot) {
                    double f = a[row][pivot] / a[pivot][pivot];
                    for (int col = pivot; col <= n; col++) {
                        a[row][col] -= f * a[pivot][col];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
