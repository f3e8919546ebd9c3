package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.ImageFile;
import io.github.camelgc.emulator.model.SocketValue;

/** The platform's {@code /media/} paths of image files and socket-value files (spec §8.3, §8.4). */
public final class MediaPaths {

    private MediaPaths() {
    }

    /** {@code /media/images/<aa>/<bb>/<image pk>/<file pk>/<filename>}. */
    public static String imageFile(Image image, ImageFile file) {
        return "/media/images/" + image.pk().substring(0, 2) + "/" + image.pk().substring(2, 4) + "/" + image.pk()
                + "/" + file.pk() + "/" + file.filename();
    }

    /** {@code /media/components/componentinterfacevalue/<hh>/<hh>/<pk>/<filename>}. */
    public static String socketValueFile(SocketValue value) {
        String hex = String.format("%04x", value.pk());
        String last4 = hex.substring(hex.length() - 4);
        return "/media/components/componentinterfacevalue/" + last4.substring(0, 2) + "/" + last4.substring(2) + "/"
                + value.pk() + "/" + value.filename();
    }
}
