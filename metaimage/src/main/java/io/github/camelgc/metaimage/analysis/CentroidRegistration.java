package io.github.camelgc.metaimage.analysis;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.Geometry;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;

/**
 * A simple real registration: the translation that aligns the centroids of two masks in physical space.
 *
 * <p>It produces what a registration algorithm on Grand Challenge returns: a displacement field as the
 * platform stores it (NDims = 4, DimSize = X Y Z 3 with the vector components on the last axis,
 * MET_FLOAT, one channel; a 2-D fixed image gives Z = 1) in the fixed image's geometry, where each
 * vector {@code d} maps a fixed point {@code p} to the moving point {@code p + d} (ITK convention); and
 * the moving image resampled (trilinear) onto the fixed grid.
 */
public final class CentroidRegistration {

    private CentroidRegistration() {
    }

    /**
     * The result of a registration.
     *
     * @param displacement the constant displacement (x, y, z) in mm: moving centroid minus fixed centroid
     * @param displacementField the field, 4-D MET_FLOAT in the fixed geometry
     * @param registered the moving image resampled onto the fixed grid, moving's element type
     */
    public record Result(double[] displacement, MetaImage displacementField, MetaImage registered) {
    }

    /**
     * Registers {@code moving} to {@code fixed}. Masks mark the structure to align (voxels >= 1); each
     * mask may have its own geometry. Voxels mapped outside the moving image get its smallest value.
     *
     * @throws IllegalArgumentException if a mask is empty, or the images are not 2-D/3-D scalar images
     */
    public static Result register(MetaImage fixed, MetaImage moving, MetaImage fixedMask, MetaImage movingMask) {
        requireScalarImage("fixed image", fixed);
        requireScalarImage("moving image", moving);
        double[] fixedCentroid = centroid("fixed mask", fixedMask);
        double[] movingCentroid = centroid("moving mask", movingMask);
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            d[k] = movingCentroid[k] - fixedCentroid[k];
        }
        return new Result(d, displacementField(fixed.header(), d), resample(moving, fixed.header(), d));
    }

    private static void requireScalarImage(String what, MetaImage image) {
        MetaImageHeader h = image.header();
        if (h.channels() != 1 || h.nDims() < 2 || h.nDims() > 3) {
            throw new IllegalArgumentException(what + " must be a 2-D or 3-D scalar image, got " + h);
        }
    }

    /** Physical centroid (x, y, z; z = 0 for 2-D) of the voxels >= 1. */
    static double[] centroid(String what, MetaImage mask) {
        MetaImageHeader h = mask.header();
        requireScalarImage(what, mask);
        int n = h.nDims();
        double[] sumIndex = new double[n];
        long count = 0;
        long total = h.voxelCount();
        int nx = h.dim(0);
        int ny = h.dim(1);
        for (long i = 0; i < total; i++) {
            if (mask.getDouble(i) >= 1) {
                sumIndex[0] += i % nx;
                sumIndex[1] += (i / nx) % ny;
                if (n == 3) {
                    sumIndex[2] += i / ((long) nx * ny);
                }
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(what + " is empty: no voxel >= 1, so there is nothing to align");
        }
        for (int k = 0; k < n; k++) {
            sumIndex[k] /= count;
        }
        double[] p = h.indexToPhysical(sumIndex);
        return n == 3 ? p : new double[] {p[0], p[1], 0};
    }

    private static MetaImage displacementField(MetaImageHeader fixed, double[] d) {
        int n = fixed.nDims();
        int nz = n == 3 ? fixed.dim(2) : 1;
        double[] spacing = fixed.spacing();
        double[] offset = fixed.offset();
        double[] matrix = fixed.transformMatrix();
        double[] m4 = Geometry.identity(4);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m4[r * 4 + c] = matrix[r * n + c];
            }
        }
        MetaImageHeader header = MetaImageHeader.builder().elementType(ElementType.MET_FLOAT)
                .dimSize(fixed.dim(0), fixed.dim(1), nz, 3)
                .spacing(spacing[0], spacing[1], n == 3 ? spacing[2] : 1, 1)
                .offset(offset[0], offset[1], n == 3 ? offset[2] : 0, 0).transformMatrix(m4)
                .compressed(true).build();
        MetaImage field = MetaImage.create(header);
        long voxels = (long) fixed.dim(0) * fixed.dim(1) * nz;
        for (int c = 0; c < 3; c++) {
            for (long v = 0; v < voxels; v++) {
                field.setDouble(c * voxels + v, d[c]);
            }
        }
        return field;
    }

    private static MetaImage resample(MetaImage moving, MetaImageHeader fixed, double[] d) {
        MetaImageHeader mh = moving.header();
        MetaImage out = MetaImage.create(fixed.toBuilder().elementType(mh.elementType()).channels(1)
                .byteOrderMsb(mh.byteOrderMsb()).build());
        int n = fixed.nDims();
        // fixed index -> moving index is affine: origin plus one column per fixed axis.
        double[] origin = movingIndexOf(fixed, mh, new double[n], d);
        double[][] column = new double[n][];
        for (int axis = 0; axis < n; axis++) {
            double[] unit = new double[n];
            unit[axis] = 1;
            double[] m = movingIndexOf(fixed, mh, unit, d);
            column[axis] = new double[m.length];
            for (int k = 0; k < m.length; k++) {
                column[axis][k] = m[k] - origin[k];
            }
        }
        double background = minimum(moving);
        int nx = fixed.dim(0);
        int ny = fixed.dim(1);
        int nz = n == 3 ? fixed.dim(2) : 1;
        int mn = mh.nDims();
        double[] at = new double[mn];
        long i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    for (int k = 0; k < mn; k++) {
                        at[k] = origin[k] + x * column[0][k] + y * column[1][k] + (n == 3 ? z * column[2][k] : 0);
                    }
                    out.setDouble(i, interpolate(moving, at, background));
                }
            }
        }
        return out;
    }

    private static double[] movingIndexOf(MetaImageHeader fixed, MetaImageHeader moving, double[] fixedIndex,
            double[] d) {
        double[] p = fixed.indexToPhysical(fixedIndex);
        double[] q = new double[moving.nDims()];
        for (int k = 0; k < q.length; k++) {
            q[k] = (k < p.length ? p[k] : 0) + d[k];
        }
        return moving.physicalToIndex(q);
    }

    // Trilinear (bilinear in 2-D) interpolation; points outside the grid get the background value.
    private static double interpolate(MetaImage image, double[] index, double background) {
        MetaImageHeader h = image.header();
        int n = h.nDims();
        int[] base = new int[3];
        double[] frac = new double[3];
        int[] size = {h.dim(0), h.dim(1), n == 3 ? h.dim(2) : 1};
        for (int k = 0; k < 3; k++) {
            double v = k < n ? index[k] : 0;
            if (v < -0.5 || v > size[k] - 0.5) {
                return background;
            }
            double clamped = Math.max(0, Math.min(size[k] - 1, v));
            base[k] = (int) Math.floor(clamped);
            frac[k] = clamped - base[k];
        }
        double sum = 0;
        for (int corner = 0; corner < 8; corner++) {
            double weight = 1;
            int[] p = new int[3];
            for (int k = 0; k < 3; k++) {
                int bit = (corner >> k) & 1;
                p[k] = Math.min(base[k] + bit, size[k] - 1);
                weight *= bit == 1 ? frac[k] : 1 - frac[k];
            }
            if (weight != 0) {
                sum += weight * image.getDouble(p[0] + (long) size[0] * (p[1] + (long) size[1] * p[2]));
            }
        }
        return sum;
    }

    private static double minimum(MetaImage image) {
        double min = Double.POSITIVE_INFINITY;
        for (long i = 0; i < image.elementCount(); i++) {
            min = Math.min(min, image.getDouble(i));
        }
        return min;
    }
}
