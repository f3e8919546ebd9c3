package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes MetaImage files. The file name decides the layout: {@code .mha} keeps data inline
 * ({@code ElementDataFile = LOCAL}), {@code .mhd} writes a {@code .raw} (or, when the header says
 * {@code CompressedData = True}, a zlib {@code .zraw}) with the same base name next to it.
 */
public final class MetaImageWriter {

    private MetaImageWriter() {
    }

    /** Writes {@code image} to {@code file} (overwriting it), compressed if its header says so. */
    public static void write(Path file, MetaImage image) throws IOException {
        try (SliceWriter writer = open(file, image.header())) {
            byte[] bytes = image.array();
            writer.write(bytes, 0, bytes.length);
        }
    }

    /** Opens a streaming writer for an image with {@code header}; write its slices in order, then close it. */
    public static SliceWriter open(Path file, MetaImageHeader header) throws IOException {
        return SliceWriter.open(file, header);
    }
}
