package io.github.camelgc.metaimage.ops;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.PixelSink;
import io.github.camelgc.metaimage.PixelStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operations on label maps and masks. Results are MET_UCHAR images (0/1) that keep the input's
 * geometry (origin, spacing, direction, orientation) and extra header keys.
 */
public final class Masks {

    private Masks() {
    }

    /** Label {@code >= 1} becomes 1, everything else 0 (e.g. lobe labels into one lung mask). */
    public static MetaImage binarize(MetaImage labels) {
        MetaImage mask = MetaImage.create(maskHeader(labels.header()));
        for (long i = 0; i < mask.elementCount(); i++) {
            if (labels.getDouble(i) >= 1) {
                mask.setLong(i, 1);
            }
        }
        return mask;
    }

    /**
     * {@link #binarize(MetaImage)} from file to file, slice by slice, so it works on images larger than
     * the heap. The output is compressed when its name ends in {@code .mha} or the input was compressed.
     */
    public static void binarize(Path in, Path out) throws IOException {
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException("binarize would overwrite its input " + in + "; choose another output");
        }
        try (PixelStream pixels = MetaImageReader.openPixels(in)) {
            MetaImageHeader header = maskHeader(pixels.header());
            try (PixelSink sink = MetaImageWriter.openPixels(out, header)) {
                while (pixels.hasNextSlice()) {
                    sink.writeSlice(binarize(pixels.readSlice()));
                }
            }
        }
    }

    /** 1 where the label is one of {@code wanted}, else 0. */
    public static MetaImage selectLabels(MetaImage labels, long... wanted) {
        long[] sorted = wanted.clone();
        Arrays.sort(sorted);
        MetaImage mask = MetaImage.create(maskHeader(labels.header()));
        for (long i = 0; i < mask.elementCount(); i++) {
            if (Arrays.binarySearch(sorted, labels.getLong(i)) >= 0) {
                mask.setLong(i, 1);
            }
        }
        return mask;
    }

    /** Voxel count and volume of every non-zero label, ordered by label. */
    public static Map<Long, LabelVolume> labelVolumes(MetaImage labels) {
        MetaImageHeader h = requireScalar(labels.header());
        if (!h.elementType().isInteger()) {
            throw new IllegalArgumentException("label volumes need an integer label map, got " + h.elementType());
        }
        Map<Long, long[]> counts = new TreeMap<>();
        for (long i = 0; i < labels.elementCount(); i++) {
            long label = labels.getLong(i);
            if (label != 0) {
                counts.computeIfAbsent(label, k -> new long[1])[0]++;
            }
        }
        double voxelMl = h.voxelVolume() / 1000.0;
        Map<Long, LabelVolume> volumes = new TreeMap<>();
        counts.forEach((label, count) -> volumes.put(label, new LabelVolume(label, count[0], count[0] * voxelMl)));
        return Collections.unmodifiableMap(volumes);
    }

    private static MetaImageHeader maskHeader(MetaImageHeader labels) {
        return requireScalar(labels).toBuilder().elementType(ElementType.MET_UCHAR).build();
    }

    private static MetaImageHeader requireScalar(MetaImageHeader h) {
        if (h.channels() != 1) {
            throw new IllegalArgumentException("a label map has one channel, got " + h.channels() + " in " + h);
        }
        return h;
    }

    /**
     * How much of an image one label covers.
     *
     * @param label the label value
     * @param voxels number of voxels with that label
     * @param milliliters voxels times the voxel volume (product of the spacing, taken as mm) / 1000
     */
    public record LabelVolume(long label, long voxels, double milliliters) {
    }
}
