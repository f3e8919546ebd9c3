package io.github.camelgc.emulator.images;

import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.ImageFile;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.metaimage.analysis.ImageSummary;
import io.github.camelgc.metaimage.MetaImageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns MetaImage ({@code .mha}) and TIFF files into stored images with the platform's metadata:
 * the file is named after the image pk and described from its header.
 */
public final class ImageStore {

    private final EmulatorState state;
    private final BlobStore blobs;

    public ImageStore(EmulatorState state, BlobStore blobs) {
        this.state = state;
        this.blobs = blobs;
    }

    /**
     * Moves a single-file {@code .mha} into storage and registers the image.
     *
     * @param segments distinct voxel values when known (label images), else {@code null}
     */
    public Image addMha(Path mha, String name, int creatorId, String origin, List<Integer> segments)
            throws IOException {
        ImageSummary summary = ImageSummary.of(MetaImageReader.readHeader(mha));
        String pk = EmulatorState.newUuid();
        String filePk = EmulatorState.newUuid();
        Path stored = store(mha, "images/" + pk + "/" + filePk + "/" + pk + ".mha");
        int channels = summary.shape().size() > summary.shapeWithoutColor().size()
                ? summary.shape().get(summary.shape().size() - 1) : 1;
        List<Double> spacing = Arrays.asList(summary.voxelWidthMm(), summary.voxelHeightMm(), summary.voxelDepthMm());
        Image image = new Image(pk, name, List.of(new ImageFile(filePk, "MHD", pk + ".mha", stored)), summary.width(),
                summary.height(), summary.depth(), channels, summary.shape(), spacing, summary.colorSpace(), segments,
                creatorId, origin);
        state.addImage(image);
        return image;
    }

    /** Moves a 2-D TIFF into storage ({@code image_type} TIFF, depth 1, as the platform stores TIFFs). */
    public Image addTiff(Path tiff, String name, int width, int height, int channels, int creatorId, String origin)
            throws IOException {
        String pk = EmulatorState.newUuid();
        String filePk = EmulatorState.newUuid();
        Path stored = store(tiff, "images/" + pk + "/" + filePk + "/" + pk + ".tif");
        List<Integer> shape = new ArrayList<>(List.of(1, height, width));
        if (channels > 1) {
            shape.add(channels);
        }
        Image image = new Image(pk, name, List.of(new ImageFile(filePk, "TIFF", pk + ".tif", stored)), width, height,
                1, channels, shape, null, colorSpace(channels), null, creatorId, origin);
        state.addImage(image);
        return image;
    }

    private Path store(Path source, String key) throws IOException {
        Path target = blobs.resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static String colorSpace(int channels) {
        return switch (channels) {
            case 3 -> "RGB";
            case 4 -> "RGBA";
            default -> "GRAY";
        };
    }
}
