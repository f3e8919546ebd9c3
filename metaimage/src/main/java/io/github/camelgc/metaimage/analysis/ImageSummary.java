package io.github.camelgc.metaimage.analysis;

import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.PixelStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the Grand Challenge image record says about an image: sizes, NumPy-order shapes, spacing,
 * colour space and, for label images, the distinct voxel values ("segments").
 *
 * @param width voxels along x
 * @param height voxels along y
 * @param depth voxels along z; null for 2-D images (1 for TIFF images, as on the platform)
 * @param timepoints size of the 4th axis, null when there is none
 * @param shape NumPy order {@code [(t), (z), y, x, (c)]}, c only when there is more than one channel
 * @param shapeWithoutColor NumPy order {@code [(t), (z), y, x]}
 * @param voxelWidthMm spacing along x, null when unknown
 * @param voxelHeightMm spacing along y, null when unknown
 * @param voxelDepthMm spacing along z, null for 2-D images
 * @param colorSpace GRAY, RGB or RGBA by the number of channels
 * @param segments sorted distinct voxel values of integer images with at most {@value #MAX_SEGMENTS} of
 *     them, else null
 */
public record ImageSummary(int width, int height, Integer depth, Integer timepoints, List<Integer> shape,
        List<Integer> shapeWithoutColor, Double voxelWidthMm, Double voxelHeightMm, Double voxelDepthMm,
        String colorSpace, List<Long> segments) {

    /** Label images with more distinct values than this are not described by segments. */
    public static final int MAX_SEGMENTS = 256;

    /** Summary from a header alone (segments null: they need the pixels). */
    public static ImageSummary of(MetaImageHeader h) {
        int n = h.nDims();
        Integer depth = n > 2 ? h.dim(2) : null;
        Integer time = n > 3 ? h.dim(3) : null;
        List<Integer> without = new ArrayList<>();
        for (int axis = n - 1; axis >= 0; axis--) {
            without.add(h.dim(axis));
        }
        List<Integer> shape = new ArrayList<>(without);
        if (h.channels() > 1) {
            shape.add(h.channels());
        }
        double[] s = h.spacing();
        return new ImageSummary(h.dim(0), n > 1 ? h.dim(1) : 1, depth, time, List.copyOf(shape), List.copyOf(without),
                s[0], n > 1 ? s[1] : null, n > 2 ? s[2] : null, colorSpace(h.channels()), null);
    }

    /** Summary including the segments of integer label images. */
    public static ImageSummary of(MetaImage image) {
        return of(image.header()).withSegments(segments(image));
    }

    /**
     * Summary of an image file: {@code .tif}/{@code .tiff} from its TIFF header, anything else as a
     * MetaImage. Segments are collected slice by slice, so large images need no large heap.
     */
    public static ImageSummary of(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return ofTiff(Tiff.readHeader(file));
        }
        try (PixelStream pixels = MetaImageReader.openPixels(file)) {
            ImageSummary base = of(pixels.header());
            Segments segments = new Segments();
            boolean wanted = pixels.header().elementType().isInteger() && pixels.header().channels() == 1;
            while (wanted && pixels.hasNextSlice() && segments.addAll(pixels.readSlice())) {
                // keep collecting until done or past MAX_SEGMENTS
            }
            return base.withSegments(wanted ? segments.result() : null);
        }
    }

    private ImageSummary withSegments(List<Long> values) {
        return new ImageSummary(width, height, depth, timepoints, shape, shapeWithoutColor, voxelWidthMm,
                voxelHeightMm, voxelDepthMm, colorSpace, values);
    }

    /** Summary of a TIFF image: depth 1, so its shape starts with 1; spacing unknown. */
    public static ImageSummary ofTiff(Tiff.TiffInfo tiff) {
        List<Integer> without = List.of(1, tiff.height(), tiff.width());
        List<Integer> shape = new ArrayList<>(without);
        if (tiff.samplesPerPixel() > 1) {
            shape.add(tiff.samplesPerPixel());
        }
        return new ImageSummary(tiff.width(), tiff.height(), 1, null, List.copyOf(shape), without, null, null, null,
                colorSpace(tiff.samplesPerPixel()), null);
    }

    private static String colorSpace(int channels) {
        switch (channels) {
            case 3: return "RGB";
            case 4: return "RGBA";
            default: return "GRAY";
        }
    }

    private static List<Long> segments(MetaImage image) {
        MetaImageHeader h = image.header();
        if (!h.elementType().isInteger() || h.channels() != 1) {
            return null;
        }
        Segments segments = new Segments();
        segments.addAll(image);
        return segments.result();
    }

    /** Distinct values, given up once there are more than {@link #MAX_SEGMENTS}. */
    private static final class Segments {
        private final TreeSet<Long> values = new TreeSet<>();
        private boolean tooMany;

        /** Adds the values of {@code image}; false once there are too many to report. */
        boolean addAll(MetaImage image) {
            long previous = 0;
            for (long i = 0; i < image.elementCount() && !tooMany; i++) {
                long value = image.getLong(i);
                // Label maps come in long runs of one value: skip the set lookup for them.
                if (i == 0 || value != previous) {
                    previous = value;
                    tooMany = values.add(value) && values.size() > MAX_SEGMENTS;
                }
            }
            return !tooMany;
        }

        List<Long> result() {
            return tooMany ? null : List.copyOf(values);
        }
    }
}
