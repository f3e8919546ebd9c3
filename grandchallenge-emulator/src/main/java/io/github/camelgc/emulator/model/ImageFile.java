package io.github.camelgc.emulator.model;

import java.nio.file.Path;

/**
 * One stored file of an image.
 *
 * @param imageType {@code MHD} or {@code TIFF}
 * @param blob where the bytes are on disk
 */
public record ImageFile(String pk, String imageType, String filename, Path blob) {
}
