package io.github.camelgc.app.dropfolder;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    /** Results are named {@code <name>_lobes.mha}; the component keeps at most 128 characters of a name. */
    static final int MAX_NAME_CHARS = 120;

    private final Duration settle;

    /** A check that refuses incomplete files at once. */
    public ImageFileCheck() {
        this(Duration.ZERO);
    }

    /**
     * @param settle how long an empty or truncated file is taken for a copy still in progress (it is tried again)
     *               before it is refused; counted from its last change
     */
    public ImageFileCheck(Duration settle) {
        this.settle = settle;
    }

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
        if (name.length() > MAX_NAME_CHARS) {
            throw new InputRejectedException("The file name is too long (" + name.length() + " characters): results "
                    + "are named after the scan and must fit the file system. Rename it to at most " + MAX_NAME_CHARS
                    + " characters and drop it again.");
        }
        try {
            if (Files.size(file) == 0) {
                waitIfRecent(file, name + " is empty (0 bytes)");
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
            if (String.valueOf(e.getMessage()).contains("truncated")) {
                waitIfRecent(file, name + " is shorter than its header says");
            }
            throw new InputRejectedException("'" + name + "' is not a readable MetaImage: " + withoutPath(e, file)
                    + ". Expected a complete .mha file; was the copy interrupted?", e);
        } catch (IOException e) {
            throw new InputRejectedException("'" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** A file that changed within the settle time may still be being copied: try it again later. */
    private void waitIfRecent(Path file, String what) {
        Instant changed;
        try {
            changed = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return; // gone or unreadable: the caller's refusal stands
        }
        if (changed.plus(settle).isAfter(Instant.now())) {
            throw new InputIncompleteException(what + "; it may still be being copied, so it is checked again "
                    + "later (refused if it stays like this for " + settle.toSeconds() + " s)");
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
