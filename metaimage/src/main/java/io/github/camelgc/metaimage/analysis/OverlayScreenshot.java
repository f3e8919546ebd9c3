package io.github.camelgc.metaimage.analysis;

import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A picture of a CT for people: the middle axial slice in a lung window with label colours blended on
 * top, written as an RGB TIFF. Rows run top to bottom in index order (anterior at the top for LPS
 * images), columns left to right (the patient's right on the left, as radiologists view it).
 */
public final class OverlayScreenshot {

    /** Centre (HU) of the lung window, which shows lung parenchyma and soft tissue. */
    public static final double WINDOW_CENTER = -600;
    /** Width (HU) of the lung window. */
    public static final double WINDOW_WIDTH = 1500;
    /** Weight of the label colour over the grey value. */
    public static final double OPACITY = 0.45;

    // Colour-blind-safe palette (Okabe-Ito) for labels 1-5; higher labels reuse it cyclically.
    private static final int[][] PALETTE = {
        {230, 159, 0}, {86, 180, 233}, {0, 158, 115}, {240, 228, 66}, {204, 121, 167}, {213, 94, 0}, {0, 114, 178}};

    private OverlayScreenshot() {
    }

    /** An 8-bit RGB picture, rows top to bottom, 3 bytes per pixel. */
    public record RgbImage(int width, int height, byte[] rgb) {

        /** Red, green and blue of pixel (x, y) as 0-255. */
        public int[] pixel(int x, int y) {
            int at = (y * width + x) * 3;
            return new int[] {rgb[at] & 0xFF, rgb[at + 1] & 0xFF, rgb[at + 2] & 0xFF};
        }

        /** Writes the picture as a baseline TIFF. */
        public void writeTiff(Path file) throws IOException {
            Tiff.writeRgb(file, width, height, rgb);
        }
    }

    /** The colour of a label (1 and up). */
    public static int[] colour(long label) {
        return PALETTE[(int) ((label - 1) % PALETTE.length)].clone();
    }

    /**
     * Renders the middle axial slice of {@code ct} with {@code labels} (same x/y/z size; may be null for
     * no overlay) blended on top. 2-D images are their own middle slice.
     */
    public static RgbImage render(MetaImage ct, MetaImage labels) {
        MetaImageHeader h = ct.header();
        if (h.channels() != 1) {
            throw new IllegalArgumentException("screenshot needs a scalar image, got " + h.channels() + " channels");
        }
        int nx = h.dim(0);
        int ny = h.nDims() > 1 ? h.dim(1) : 1;
        int nz = h.nDims() > 2 ? h.dim(2) : 1;
        if (labels != null) {
            MetaImageHeader l = labels.header();
            boolean same = l.channels() == 1 && l.dim(0) == nx && (l.nDims() > 1 ? l.dim(1) : 1) == ny
                    && (l.nDims() > 2 ? l.dim(2) : 1) == nz;
            if (!same) {
                throw new IllegalArgumentException("labels " + l + " do not cover the voxels of " + h);
            }
        }
        long base = (long) nx * ny * (nz / 2);
        byte[] rgb = new byte[nx * ny * 3];
        double low = WINDOW_CENTER - WINDOW_WIDTH / 2;
        for (int j = 0; j < nx * ny; j++) {
            double grey = Math.max(0, Math.min(255, (ct.getDouble(base + j) - low) / WINDOW_WIDTH * 255));
            double r = grey;
            double g = grey;
            double b = grey;
            long label = labels == null ? 0 : labels.getLong(base + j);
            if (label > 0) {
                int[] c = colour(label);
                r = (1 - OPACITY) * grey + OPACITY * c[0];
                g = (1 - OPACITY) * grey + OPACITY * c[1];
                b = (1 - OPACITY) * grey + OPACITY * c[2];
            }
            rgb[3 * j] = (byte) Math.round(r);
            rgb[3 * j + 1] = (byte) Math.round(g);
            rgb[3 * j + 2] = (byte) Math.round(b);
        }
        return new RgbImage(nx, ny, rgb);
    }

    /** Renders and writes the screenshot as a TIFF. */
    public static void writeTiff(Path file, MetaImage ct, MetaImage labels) throws IOException {
        render(ct, labels).writeTiff(file);
    }
}
