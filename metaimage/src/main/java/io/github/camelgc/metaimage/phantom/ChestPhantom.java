package io.github.camelgc.metaimage.phantom;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import java.util.Random;

/**
 * A deterministic synthetic chest CT: body outline with a fat layer, spine and sternum, two lungs
 * split into five lobes, and optionally the trachea and main bronchi. Values are Hounsfield units
 * (air -1000, lung -850, fat -100, soft tissue 40, bone 700) plus seeded Gaussian noise.
 *
 * <p>The image is in ITK/DICOM LPS patient coordinates with identity direction, which MetaIO writes as
 * {@code AnatomicalOrientation = RAI} (axes running from right, anterior, inferior): x grows to the
 * patient's left, y to the back, z to the head. Lobe labels follow {@link LobeRule}: because the lobes are drawn by the same rule
 * the lobe segmentation applies, algorithms can be checked exactly against {@link #lobeLabels()}.
 *
 * <pre>{@code
 * ChestPhantom phantom = ChestPhantom.builder().size(128, 128, 96).spacing(0.8, 0.8, 1.5).seed(7).build();
 * MetaImageWriter.write(Path.of("ct.mha"), phantom.ct());
 * }</pre>
 */
public final class ChestPhantom {

    /** Air outside the body and in the airways. */
    public static final int AIR_HU = -1000;
    /** Lung parenchyma. */
    public static final int LUNG_HU = -850;
    /** Subcutaneous fat layer. */
    public static final int FAT_HU = -100;
    /** Muscle, mediastinum and other soft tissue. */
    public static final int SOFT_TISSUE_HU = 40;
    /** Vertebra and sternum. */
    public static final int BONE_HU = 700;
    /** Largest noise standard deviation: keeps lung, airway air and tissue apart however unlucky the noise. */
    public static final double MAX_NOISE_HU = 25;
    /** Noise is clipped at this many standard deviations. */
    public static final double NOISE_CLIP_SIGMAS = 2.5;

    private final MetaImage ct;
    private final MetaImage labels;

    private ChestPhantom(MetaImage ct, MetaImage labels) {
        this.ct = ct;
        this.labels = labels;
    }

    /** A builder with defaults: 128x128x96 voxels, 1 mm spacing, seed 1, 20 HU noise, with airways. */
    public static Builder builder() {
        return new Builder();
    }

    /** The CT: MET_SHORT Hounsfield units. */
    public MetaImage ct() {
        return ct;
    }

    /** The lobe labels: MET_UCHAR, 0 background and 1-5 lobes ({@link LobeRule}), same geometry as the CT. */
    public MetaImage lobeLabels() {
        return labels;
    }

    /** Configures and draws a {@link ChestPhantom}. */
    public static final class Builder {
        private int nx = 128;
        private int ny = 128;
        private int nz = 96;
        private double sx = 1;
        private double sy = 1;
        private double sz = 1;
        private long seed = 1;
        private double noise = 20;
        private boolean airways = true;

        private Builder() {
        }

        /** Voxels along x, y and z (each at least 1). */
        public Builder size(int x, int y, int z) {
            if (x < 1 || y < 1 || z < 1) {
                throw new IllegalArgumentException("phantom size must be at least 1x1x1, got " + x + "x" + y + "x" + z);
            }
            nx = x;
            ny = y;
            nz = z;
            return this;
        }

        /** Voxel spacing in mm (each positive). */
        public Builder spacing(double x, double y, double z) {
            if (!(x > 0 && y > 0 && z > 0)) {
                throw new IllegalArgumentException("phantom spacing must be positive, got " + x + "," + y + "," + z);
            }
            sx = x;
            sy = y;
            sz = z;
            return this;
        }

        /** Seed of the noise: equal seeds give identical images. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Standard deviation of the noise in HU, 0 to {@link #MAX_NOISE_HU}. */
        public Builder noise(double sigmaHu) {
            if (!(sigmaHu >= 0 && sigmaHu <= MAX_NOISE_HU)) {
                throw new IllegalArgumentException("noise must be 0.." + MAX_NOISE_HU + " HU, got " + sigmaHu);
            }
            noise = sigmaHu;
            return this;
        }

        /** Whether to draw the trachea and main bronchi (air, not part of any lobe). */
        public Builder airways(boolean on) {
            airways = on;
            return this;
        }

        /** Draws the phantom. */
        public ChestPhantom build() {
            MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, nx, ny, nz).spacing(sx, sy, sz)
                    .offset(-(nx - 1) * sx / 2, -(ny - 1) * sy / 2, 0).anatomicalOrientation("RAI")
                    .compressed(true).build();
            MetaImage ct = MetaImage.create(header);
            MetaImage sides = MetaImage.create(header.toBuilder().elementType(ElementType.MET_UCHAR).build());
            Random random = new Random(seed);
            long i = 0;
            for (int z = 0; z < nz; z++) {
                double w = (z + 0.5) / nz;
                for (int y = 0; y < ny; y++) {
                    double v = (y + 0.5) / ny * 2 - 1;
                    for (int x = 0; x < nx; x++, i++) {
                        double u = (x + 0.5) / nx * 2 - 1;
                        int side = lungSide(u, v, w);
                        int hu = tissue(u, v, w, side);
                        if (side != 0 && hu == LUNG_HU) {
                            sides.setLong(i, side);
                        }
                        double n = Math.max(-NOISE_CLIP_SIGMAS, Math.min(NOISE_CLIP_SIGMAS, random.nextGaussian()));
                        ct.setDouble(i, hu + n * noise);
                    }
                }
            }
            return new ChestPhantom(ct, LobeRule.labelLobes(sides));
        }

        // Normalized coordinates: u (right -1 .. left +1), v (front -1 .. back +1), w (feet 0 .. head 1).

        private static int lungSide(double u, double v, double w) {
            // Lungs are ellipsoids with domed apices, from 8% to 92% of the height.
            double t = (w - 0.5) / 0.42;
            if (t * t >= 1) {
                return 0;
            }
            double shrink = Math.sqrt(1 - t * t * t * t);
            for (int sign = -1; sign <= 1; sign += 2) {
                double du = (u - sign * 0.42) / (0.30 * shrink);
                double dv = (v - 0.02) / (0.48 * shrink);
                if (du * du + dv * dv <= 1) {
                    return sign < 0 ? LobeRule.SIDE_RIGHT : LobeRule.SIDE_LEFT;
                }
            }
            return 0;
        }

        private int tissue(double u, double v, double w, int side) {
            double body = (u / 0.92) * (u / 0.92) + (v / 0.72) * (v / 0.72);
            if (body > 1) {
                return AIR_HU;
            }
            if (airways && isAirway(u, v, w)) {
                return AIR_HU;
            }
            if (side != 0) {
                return LUNG_HU;
            }
            if (circle(u, v, 0, 0.52, 0.12) || circle(u, v, 0, -0.62, 0.06)) {
                return BONE_HU; // vertebra, sternum
            }
            return body > 0.86 ? FAT_HU : SOFT_TISSUE_HU;
        }

        private static boolean isAirway(double u, double v, double w) {
            double carina = 0.72;
            if (w >= carina) {
                return circle(u, v, 0, -0.05, 0.06); // trachea down from the top of the image
            }
            // main bronchi: straight tubes from the carina down and out into each lung
            double bottom = 0.55;
            if (w < bottom) {
                return false;
            }
            double f = (carina - w) / (carina - bottom);
            return circle(u, v, -0.30 * f, -0.05, 0.035) || circle(u, v, 0.30 * f, -0.05, 0.035);
        }

        private static boolean circle(double u, double v, double cu, double cv, double r) {
            return (u - cu) * (u - cu) + (v - cv) * (v - cv) <= r * r;
        }
    }
}
