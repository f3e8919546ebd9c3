package io.github.camelgc.metaimage.phantom;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;

/**
 * The geometric rule that splits a lung into lobes, shared by {@link ChestPhantom} (which draws the
 * lobes) and the lobe segmentation (which recovers them), so the segmentation of the phantom is exact.
 *
 * <p>Positions are relative to the bounding box of one lung's voxels: {@code front} runs from 0 at the
 * anterior edge to 1 at the posterior edge, {@code height} from 0 at the base to 1 at the apex. Like the
 * oblique fissure, the lower lobe rises from the anterior base to high at the back; in the right lung
 * the horizontal fissure cuts the middle lobe off the front of what remains.
 *
 * <p>Labels follow the common lobe-segmentation convention: 1 left upper, 2 left lower, 3 right upper,
 * 4 right middle, 5 right lower; 0 is background.
 */
public final class LobeRule {

    /** No lobe. */
    public static final int BACKGROUND = 0;
    /** Left upper lobe. */
    public static final int LEFT_UPPER = 1;
    /** Left lower lobe. */
    public static final int LEFT_LOWER = 2;
    /** Right upper lobe. */
    public static final int RIGHT_UPPER = 3;
    /** Right middle lobe. */
    public static final int RIGHT_MIDDLE = 4;
    /** Right lower lobe. */
    public static final int RIGHT_LOWER = 5;

    /** Oblique fissure height at the anterior edge; it rises by {@link #OBLIQUE_RISE} to the back. */
    private static final double OBLIQUE_BASE = 0.2;
    private static final double OBLIQUE_RISE = 0.5;
    /** Height of the horizontal fissure of the right lung. */
    private static final double HORIZONTAL = 0.55;

    private LobeRule() {
    }

    /**
     * The lobe label of a lung voxel.
     *
     * @param rightLung whether the voxel is in the patient's right lung
     * @param front relative anterior-posterior position in the lung's bounding box, 0 (anterior) to 1
     * @param height relative inferior-superior position in the lung's bounding box, 0 (base) to 1 (apex)
     */
    public static int lobe(boolean rightLung, double front, double height) {
        boolean lower = height < OBLIQUE_BASE + OBLIQUE_RISE * front;
        if (!rightLung) {
            return lower ? LEFT_LOWER : LEFT_UPPER;
        }
        if (lower) {
            return RIGHT_LOWER;
        }
        return height < HORIZONTAL ? RIGHT_MIDDLE : RIGHT_UPPER;
    }

    /** Relative position of index {@code i} in the box {@code [min, max]}; 0.5 when the box is one voxel thick. */
    public static double relative(int i, int min, int max) {
        return max == min ? 0.5 : (double) (i - min) / (max - min);
    }

    /** Human-readable name of a label (e.g. for a legend). */
    public static String name(int label) {
        switch (label) {
            case LEFT_UPPER: return "left upper lobe";
            case LEFT_LOWER: return "left lower lobe";
            case RIGHT_UPPER: return "right upper lobe";
            case RIGHT_MIDDLE: return "right middle lobe";
            case RIGHT_LOWER: return "right lower lobe";
            default: return "background";
        }
    }

    /** Value of a voxel of the patient's right lung in a side map. */
    public static final int SIDE_RIGHT = 1;
    /** Value of a voxel of the patient's left lung in a side map. */
    public static final int SIDE_LEFT = 2;

    /**
     * Splits lungs into lobes. {@code sides} marks lung voxels with {@link #SIDE_RIGHT} or
     * {@link #SIDE_LEFT} (0 elsewhere); the result is a MET_UCHAR label map (0-5) with the same geometry.
     * Axes are taken in index order, as in an LPS image with identity direction: y grows towards the back,
     * z towards the head. A 2-D image is one axial slice (every voxel at mid height).
     */
    public static MetaImage labelLobes(MetaImage sides) {
        MetaImageHeader h = sides.header();
        int nx = h.dim(0);
        int ny = h.nDims() > 1 ? h.dim(1) : 1;
        int nz = h.nDims() > 2 ? h.dim(2) : 1;
        long volumeVoxels = (long) nx * ny * nz;
        // bounding box in y and z of each side: [side][minY, maxY, minZ, maxZ]
        int[][] box = {null, {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1}, {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1}};
        long total = h.voxelCount();
        for (long i = 0; i < total; i++) {
            int side = (int) sides.getLong(i);
            if (side == SIDE_RIGHT || side == SIDE_LEFT) {
                long inVolume = i % volumeVoxels;
                int y = (int) ((inVolume / nx) % ny);
                int z = (int) (inVolume / ((long) nx * ny));
                int[] b = box[side];
                b[0] = Math.min(b[0], y);
                b[1] = Math.max(b[1], y);
                b[2] = Math.min(b[2], z);
                b[3] = Math.max(b[3], z);
            }
        }
        MetaImage labels = MetaImage.create(h.toBuilder().elementType(ElementType.MET_UCHAR).channels(1).build());
        for (long i = 0; i < total; i++) {
            int side = (int) sides.getLong(i);
            if (side == SIDE_RIGHT || side == SIDE_LEFT) {
                long inVolume = i % volumeVoxels;
                int y = (int) ((inVolume / nx) % ny);
                int z = (int) (inVolume / ((long) nx * ny));
                int[] b = box[side];
                labels.setLong(i, lobe(side == SIDE_RIGHT, relative(y, b[0], b[1]), relative(z, b[2], b[3])));
            }
        }
        return labels;
    }
}
