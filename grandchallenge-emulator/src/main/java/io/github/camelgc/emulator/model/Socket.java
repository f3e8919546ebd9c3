package io.github.camelgc.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A component interface ("socket"): a typed input/output slot shared by algorithms and archives.
 *
 * @param storeInDatabase for JSON kinds: values inline ({@code Value}) rather than in a file ({@code File})
 * @param overlaySegments for segmentations: the allowed voxel values and their names
 */
public record Socket(int pk, String slug, String title, String description, SocketKind kind,
        boolean storeInDatabase, String relativePath, JsonNode defaultValue, List<Segment> overlaySegments) {

    /** One named voxel value of a segmentation socket. */
    public record Segment(String name, boolean visible, int voxelValue) {
    }

    /** {@code Image}, {@code Value} or {@code File}, computed as on the platform (spec §6.4). */
    public String superKind() {
        if (kind.isImage()) {
            return "Image";
        }
        return kind.isJson() && storeInDatabase ? "Value" : "File";
    }
}
