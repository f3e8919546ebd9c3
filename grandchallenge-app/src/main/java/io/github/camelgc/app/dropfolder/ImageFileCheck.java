package io.github.camelgc.app.dropfolder;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.camelgc.metaimage.MetaImageException;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.PixelStream;
import org.apache.camel.Exchange;

/**
 * Refuses a dropped file that is not a complete MetaImage before anything is uploaded: wrong extension, empty,
 * unreadable header, or less pixel data than the header promises. Uncompressed data is checked by size; compressed
 * data is streamed through once with a small buffer (a truncated zlib stream only shows at its end).
 */
public class ImageFileCheck {

    private static final int BUFFER = 1 << 16;

    /** Checks the file the exchange was read from (header {@code CamelFileAbsolutePath}). */
    public void check(Exchange exchange) {
        check(Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)));
    }

    /** Checks every file of a multi-input body (socket slug → {@link File}). */
    public void checkAll(Map<String, Object> inputs) {
        for (Object value : inputs.values()) {
            if (value instanceof File file) {
                check(file.toPath());
            }
        }
    }

    /** Checks one file; throws {@link InputRejectedException} saying what is wrong and what was expected. */
    public void check(Path file) {
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".mha")) {
            throw new InputRejectedException("'" + name + "' is not a .mha file. This inbox takes MetaImage scans "
                    + "with the pixel data inside (.mha); convert other formats first.");
        }
        try {
            if (Files.size(file) == 0) {
                throw new InputRejectedException("'" + name + "' is empty (0 bytes). Expected a MetaImage scan; "
                        + "was the copy interrupted?");
            }
            try (PixelStream pixels = MetaImageReader.openPixels(file)) {
                MetaImageHeader header = pixels.header();
                if (header.compressed()) {
                    drain(pixels);
                }
            }
        } catch (MetaImageException e) {
            throw new InputRejectedException("'" + name + "' is not a readable MetaImage: " + withoutPath(e, file)
                    + ". Expected a complete .mha file; was the copy interrupted?", e);
        } catch (IOException e) {
            throw new InputRejectedException("'" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void drain(PixelStream pixels) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        while (pixels.remainingBytes() > 0) {
            buffer.clear().limit((int) Math.min(BUFFER, pixels.remainingBytes()));
            pixels.readFully(buffer);
        }
    }

    /** The reason without the absolute path the codec puts in front (the person knows which inbox). */
    private static String withoutPath(MetaImageException e, Path file) {
        String message = String.valueOf(e.getMessage());
        String path = file.toString();
        int at = message.indexOf(path);
        return at < 0 ? message : message.substring(at + path.length()).replaceFirst("^[:\\s]+", "");
    }
}
