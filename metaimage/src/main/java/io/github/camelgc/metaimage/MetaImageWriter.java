package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes MetaImage files. The file name decides the layout: {@code .mha} writes the data inline
 * ({@code ElementDataFile = LOCAL}); {@code .mhd} writes the data beside it as {@code NAME.zraw} when
 * the header says {@code CompressedData = True}, else {@code NAME.raw}.
 */
public final class MetaImageWriter {

    private MetaImageWriter() {
    }

    /** Writes an in-memory image. */
    public static void write(Path file, MetaImage image) throws IOException {
        try (PixelSink sink = openPixels(file, image.header())) {
            sink.write(image.data());
        }
    }

    /**
     * Opens a file for slice-wise writing of an image described by {@code header}; the header's
     * {@code ElementDataFile} is replaced according to the file name. Close the sink to finish the file.
     */
    public static PixelSink openPixels(Path file, MetaImageHeader header) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mha")) {
            return new PixelSink(file, file, header.withElementDataFile(MetaImageHeader.LOCAL).withHeaderSize(0));
        }
        if (lower.endsWith(".mhd")) {
            String dataName = name.substring(0, name.length() - 4) + (header.compressed() ? ".zraw" : ".raw");
            Path dataFile = file.resolveSibling(dataName);
            return new PixelSink(file, dataFile, header.withElementDataFile(dataName).withHeaderSize(0));
        }
        throw new MetaImageException(file, "unknown file extension; expected .mha (one file) or .mhd (header + data file)");
    }
}
