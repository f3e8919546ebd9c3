package io.github.camelgc.metaimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes MetaImage files. The file name decides the layout: {@code .mha} writes the data inline
 * ({@code ElementDataFile = LOCAL}); {@code .mhd} writes the data beside it as {@code NAME.zraw} when
 * the header says {@code CompressedData = True}, else {@code NAME.raw}.
 */
public final class MetaImageWriter {

    private MetaImageWriter() {
    }

    /** Images up to this size are compressed in memory first, so a .mha header gets its exact size. */
    private static final long COMPRESS_IN_MEMORY_UP_TO = 1L << 30;

    /** Writes an in-memory image. */
    public static void write(Path file, MetaImage image) throws IOException {
        MetaImageHeader header = image.header();
        if (header.compressed() && isMha(file) && header.dataSizeBytes() <= COMPRESS_IN_MEMORY_UP_TO) {
            writeCompressedMha(file, image);
            return;
        }
        try (PixelSink sink = openPixels(file, header)) {
            sink.write(image.data());
        }
    }

    // Streaming must patch CompressedDataSize in later; an image already in memory can be compressed
    // first, so its header carries the plain size exactly as ITK writes it.
    private static void writeCompressedMha(Path file, MetaImage image) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream((int) Math.min(1 << 20, image.header().dataSizeBytes()));
        Deflater deflater = new Deflater(PixelSink.COMPRESSION_LEVEL);
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, deflater, 1 << 16)) {
            ByteBuffer data = image.data();
            byte[] chunk = new byte[1 << 16];
            while (data.hasRemaining()) {
                int n = Math.min(chunk.length, data.remaining());
                data.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        } finally {
            deflater.end();
        }
        MetaImageHeader header = image.header().toBuilder().elementDataFile(MetaImageHeader.LOCAL).headerSize(0)
                .build();
        byte[] text = HeaderCodec.format(header, Long.toString(packed.size())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text);
            packed.writeTo(out);
        }
    }

    private static boolean isMha(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".mha");
    }

    /**
     * Opens a file for slice-wise writing of an image described by {@code header}; the header's
     * {@code ElementDataFile} is replaced according to the file name. Close the sink to finish the file.
     */
    public static PixelSink openPixels(Path file, MetaImageHeader header) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mha")) {
            return new PixelSink(file, file,
                    header.toBuilder().elementDataFile(MetaImageHeader.LOCAL).headerSize(0).build());
        }
        if (lower.endsWith(".mhd")) {
            String dataName = name.substring(0, name.length() - 4) + (header.compressed() ? ".zraw" : ".raw");
            Path dataFile = file.resolveSibling(dataName);
            return new PixelSink(file, dataFile, header.toBuilder().elementDataFile(dataName).headerSize(0)
                    .build());
        }
        throw new MetaImageException(file, MetaImageException.Problem.NOT_A_FILE, "unknown file extension; expected .mha (one file) or .mhd (header + data file)");
    }
}
