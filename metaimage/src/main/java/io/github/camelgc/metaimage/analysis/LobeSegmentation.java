package io.github.camelgc.metaimage.analysis;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import io.github.camelgc.metaimage.phantom.LobeRule;
import java.util.BitSet;

/**
 * Lung lobe segmentation of a CT in Hounsfield units: a classical, explainable method, exact on
 * {@link ChestPhantom} and sensible on other chest CTs.
 *
 * <ol>
 *   <li>Air is everything below {@value #AIR_BELOW_HU} HU; air connected (within its axial slice) to the
 *       image's side borders is outside the body and dropped.</li>
 *   <li>Of the air inside the body, lung is what is at least {@value #LUNG_FROM_HU} HU; purer air is the
 *       trachea and bronchi.</li>
 *   <li>Lung voxels left of the lungs' centroid in physical x are the patient's right lung (LPS), the
 *       rest the left lung.</li>
 *   <li>Each lung is split into lobes by {@link LobeRule}, the rule the phantom is drawn with.</li>
 * </ol>
 */
public final class LobeSegmentation {

    /** Upper bound of air-like voxels (lung and airways). */
    public static final int AIR_BELOW_HU = -400;
    /** Lower bound of lung parenchyma; below it is pure air (airways, outside the body). */
    public static final int LUNG_FROM_HU = -925;

    private LobeSegmentation() {
    }

    /**
     * Segments {@code ct} (any scalar type holding HU; 2-D to 4-D) into a MET_UCHAR lobe label map with
     * the same geometry: 0 background, 1-5 lobes as in {@link LobeRule}.
     *
     * @throws IllegalArgumentException if the image has more than one channel
     */
    public static MetaImage segment(MetaImage ct) {
        MetaImageHeader h = ct.header();
        if (h.channels() != 1) {
            throw new IllegalArgumentException("lobe segmentation needs a scalar CT, got " + h.channels()
                    + " channels in " + h);
        }
        MetaImage sides = MetaImage.create(h.toBuilder().elementType(ElementType.MET_UCHAR).compressed(true).build());
        BitSet lung = lungVoxels(ct);
        if (lung.isEmpty()) {
            return LobeRule.labelLobes(sides);
        }
        double[] xStep = physicalXSteps(h);
        double offsetX = h.offset()[0];
        double sum = 0;
        for (int i = lung.nextSetBit(0); i >= 0; i = lung.nextSetBit(i + 1)) {
            sum += physicalX(h, offsetX, xStep, i);
        }
        double centroidX = sum / lung.cardinality();
        for (int i = lung.nextSetBit(0); i >= 0; i = lung.nextSetBit(i + 1)) {
            sides.setLong(i, physicalX(h, offsetX, xStep, i) < centroidX ? LobeRule.SIDE_RIGHT : LobeRule.SIDE_LEFT);
        }
        return LobeRule.labelLobes(sides);
    }

    /** Voxels of lung parenchyma: air-like, inside the body, not pure airway air. */
    static BitSet lungVoxels(MetaImage ct) {
        MetaImageHeader h = ct.header();
        int nx = h.dim(0);
        int ny = h.nDims() > 1 ? h.dim(1) : 1;
        int plane = nx * ny;
        long planes = h.voxelCount() / plane;
        BitSet lung = new BitSet((int) h.voxelCount());
        boolean[] outside = new boolean[plane];
        int[] queue = new int[plane];
        for (long p = 0; p < planes; p++) {
            long base = p * plane;
            markOutside(ct, base, nx, ny, outside, queue);
            for (int j = 0; j < plane; j++) {
                double v = ct.getDouble(base + j);
                if (!outside[j] && v < AIR_BELOW_HU && v >= LUNG_FROM_HU) {
                    lung.set((int) (base + j));
                }
            }
        }
        return lung;
    }

    // Flood fill (4-connected) of air from the side borders of one axial plane.
    private static void markOutside(MetaImage ct, long base, int nx, int ny, boolean[] outside, int[] queue) {
        java.util.Arrays.fill(outside, false);
        int head = 0;
        int tail = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                if ((x == 0 || y == 0 || x == nx - 1 || y == ny - 1)) {
                    int j = y * nx + x;
                    if (!outside[j] && ct.getDouble(base + j) < AIR_BELOW_HU) {
                        outside[j] = true;
                        queue[tail++] = j;
                    }
                }
            }
        }
        while (head < tail) {
            int j = queue[head++];
            int x = j % nx;
            int y = j / nx;
            if (x > 0) {
                tail = visit(ct, base, j - 1, outside, queue, tail);
            }
            if (x < nx - 1) {
                tail = visit(ct, base, j + 1, outside, queue, tail);
            }
            if (y > 0) {
                tail = visit(ct, base, j - nx, outside, queue, tail);
            }
            if (y < ny - 1) {
                tail = visit(ct, base, j + nx, outside, queue, tail);
            }
        }
    }

    private static int visit(MetaImage ct, long base, int j, boolean[] outside, int[] queue, int tail) {
        if (!outside[j] && ct.getDouble(base + j) < AIR_BELOW_HU) {
            outside[j] = true;
            queue[tail++] = j;
        }
        return tail;
    }

    // How much physical x changes per index step along each axis (direction column x times spacing).
    private static double[] physicalXSteps(MetaImageHeader h) {
        int n = h.nDims();
        double[] m = h.transformMatrix();
        double[] s = h.spacing();
        double[] step = new double[n];
        for (int axis = 0; axis < n; axis++) {
            step[axis] = m[axis * n] * s[axis];
        }
        return step;
    }

    private static double physicalX(MetaImageHeader h, double offsetX, double[] step, long index) {
        double x = offsetX;
        long rest = index;
        for (int axis = 0; axis < step.length; axis++) {
            int d = h.dim(axis);
            x += step[axis] * (rest % d);
            rest /= d;
        }
        return x;
    }
}
