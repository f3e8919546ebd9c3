package io.github.camelgc.emulator.values;

import io.github.camelgc.emulator.images.ImageImporter;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The image checks of a socket value's {@code full_clean} ({@code ComponentInterfaceValue.clean},
 * {@code OverlaySegmentsMixin._validate_voxel_values} and {@code _validate_vector_field} in
 * {@code components/models.py}), in their order.
 */
public final class ImageChecks {

    private ImageChecks() {
    }

    /** The platform's message when the image does not fit the socket, or {@code null}. */
    public static String problem(Socket socket, Image image) {
        if (socket.kind() == SocketKind.DCMIS) {
            // The emulator's images are never DICOM image sets.
            return "Image must be DICOM";
        }
        if (socket.kind() == SocketKind.SEG && !socket.overlaySegments().isEmpty()) {
            if (image.segments() == null) {
                return "Image segments could not be determined, ensure the voxel values are integers and that it "
                        + "contains no more than " + ImageImporter.MAXIMUM_SEGMENTS_LENGTH + " segments. Ensure the image has the "
                        + "minimum and maximum voxel values set as tags if the image is a TIFF file.";
            }
            Set<Integer> allowed = new TreeSet<>(List.of(0));
            socket.overlaySegments().forEach(s -> allowed.add(s.voxelValue()));
            Set<Integer> extra = new TreeSet<>(image.segments());
            extra.removeAll(allowed);
            if (!extra.isEmpty()) {
                return "The valid voxel values for this segmentation are: " + set(allowed)
                        + ". This segmentation is invalid as it contains the voxel values: " + set(extra) + ".";
            }
        }
        if (socket.kind() == SocketKind.DSPF) {
            List<Integer> shape = image.shape();
            if (shape.size() != 4) {
                return "Deformation and displacement must be 4D images.";
            }
            if (image.components() > 1) {
                return "Deformation and displacement fields cannot have a color component.";
            }
            if (shape.get(0) != 3) {
                return "Deformation and displacement field's 4th dimension must be a 3-component vector.";
            }
        }
        return null;
    }

    /** Python's rendering of a small set of ints. */
    private static String set(Set<Integer> values) {
        return "{" + String.join(", ", values.stream().map(String::valueOf).toList()) + "}";
    }
}
