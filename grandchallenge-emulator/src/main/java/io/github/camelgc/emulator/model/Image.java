package io.github.camelgc.emulator.model;

import java.util.List;

/**
 * An imported image.
 *
 * @param shape NumPy order {@code [(t), (z), y, x, (c)]}
 * @param spacing voxel sizes x, y, z in mm ({@code null} entries where unknown)
 * @param creatorId the uploader, who can always view it; 0 for fixture or output images
 * @param origin pk of the upload session that created it, or {@code null}
 */
public record Image(String pk, String name, List<ImageFile> files, Integer width, Integer height, Integer depth,
        int components, List<Integer> shape, List<Double> spacing, String colorSpace, List<Integer> segments,
        int creatorId, String origin) {
}
