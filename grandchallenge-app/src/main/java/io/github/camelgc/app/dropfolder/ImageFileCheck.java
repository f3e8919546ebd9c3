package io.github.camelgc.app.dropfolder;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * Refuses a dropped entry that is not a complete MetaImage before anything is uploaded, with a reason per cause: a
 * link, a folder or a pipe (never followed or read), a wrong extension, an empty file, a file that is not a
 * MetaImage, a MetaImage whose pixel data lives in another file (only the header would be uploaded), an unusable
 * header, less pixel data than the header promises, damaged compressed data. Uncompressed data is checked by size;
 * compressed data is streamed through once with a small buffer (a zlib stream cut short or padded with zeros only
 * shows at its end).
 * <p>
 * A file that looks like a copy in progress (empty, too short, a compressed stream that does not end, or ending in
 * zeros as files created at their full size by copy tools do) and that changed within the settle time is not
 * refused but checked again later ({@link InputIncompleteException}). Raw pixel data created at its full size and
 * not yet written cannot be told from real zeros: the safe ways to copy are in the user guide (copy under another
 * name and rename, or the {@code .ready} marker).
 */
public class ImageFileCheck {

    private static final int BUFFER = 1 << 16;
    /** Results are named {@code <name>_lobes.mha}; the component keeps at most 128 characters of a name. */
    static final int MAX_NAME_CHARS = 120;
    /** How far back a file's trailing zeros are counted (enough to tell "ends in zeros"; bounded cost). */
    private static final long MAX_ZERO_TAIL = 1 << 20;
    /** Fewer trailing zeros than this are ordinary data (a complete zlib stream ends with its checksum). */
    private static final long ZERO_TAIL = 16;

    private static final String COPY_AGAIN = "To try again, copy the complete file into the inbox again.";
    private static final String CONVERT = "To try again, convert the scan to a .mha file with its pixel data inside "
            + "and drop that into the inbox.";

    private final Duration settle;

    /** A check that refuses incomplete files at once. */
    public ImageFileCheck() {
        this(Duration.ZERO);
    }

    /**
     * @param settle how long a file that looks like a copy in progress is checked again (it is not refused) before
     *               it is refused; counted from its last change
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
        String name = String.valueOf(file.getFileName());
        BasicFileAttributes attributes = attributes(file, name);
        refuseWhatIsNotAFile(name, attributes);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".mha")) {
            throw new InputRejectedException("'" + name + "' is not a .mha file. This inbox takes MetaImage scans "
                    + "with the pixel data inside (.mha); convert other formats first.", CONVERT, null);
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new InputRejectedException("The file name is too long (" + name.length() + " characters): results "
                    + "are named after the scan and must fit the file system. Rename it to at most " + MAX_NAME_CHARS
                    + " characters and drop it again.", "To try again, rename it and drop it into the inbox again.",
                    null);
        }
        if (attributes.size() == 0) {
            waitIfRecent(file, "it is empty (0 bytes)");
            throw new InputRejectedException("'" + name + "' is empty (0 bytes): the copy never started or was cut "
                    + "off. Expected a MetaImage scan.", COPY_AGAIN, null);
        }
        try {
            checkHeader(file, name);
            try (PixelStream pixels = MetaImageReader.openPixels(file)) {
                if (pixels.header().compressed()) {
                    drain(pixels);
                }
            }
        } catch (MetaImageException e) {
            throw refusal(file, name, e);
        } catch (IOException e) {
            throw new InputRejectedException("'" + name + "' cannot be read: " + DiskProblem.describe(e) + ".",
                    "To try again, make it readable for the service's user and drop it into the inbox again.", e);
        }
    }

    private static BasicFileAttributes attributes(Path file, String name) {
        try {
            // not following links: a link is refused for what it is, its target never looked at
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InputRejectedException("'" + name + "' is gone: it was taken out of the inbox while it was "
                    + "being checked.", "To try again, drop it into the inbox again.", e);
        } catch (IOException e) {
            throw new InputRejectedException("'" + name + "' cannot be read: " + DiskProblem.describe(e) + ".",
                    "To try again, make it readable for the service's user and drop it into the inbox again.", e);
        }
    }

    /** Links, folders and special files are refused without opening them (a pipe would block, a link leads away). */
    static void refuseWhatIsNotAFile(String name, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            throw new InputRejectedException("'" + name + "' is a symbolic link; the service does not follow links "
                    + "in its inboxes (it would read whatever the link points to). Copy the file (or case folder) itself "
                    + "into the inbox.", "To try again, copy the file or folder itself (not a link to it) into the "
                    + "inbox.", null);
        }
        if (attributes.isDirectory()) {
            throw new InputRejectedException("'" + name + "' is a folder; this inbox takes single .mha files. Move "
                    + "the scans it holds into the inbox themselves, one file each.",
                    "To try again, drop the .mha files themselves into the inbox.", null);
        }
        if (!attributes.isRegularFile()) {
            throw new InputRejectedException("'" + name + "' is not a regular file (a named pipe, socket or device); "
                    + "the service does not read from it. Copy the scan into the inbox as a file.",
                    "To try again, copy the scan into the inbox as a regular file.", null);
        }
    }

    /** A .mha whose pixel data is in another file would upload as its header alone: refused before reading that. */
    private static void checkHeader(Path file, String name) throws IOException {
        MetaImageHeader header;
        try {
            header = MetaImageReader.readHeader(file);
        } catch (MetaImageException e) {
            if (e.problem() == MetaImageException.Problem.DATA_FILE) {
                throw notLocal(name, e);
            }
            throw e;
        }
        if (!header.isLocal()) {
            throw notLocal(name, null);
        }
    }

    private static InputRejectedException notLocal(String name, Throwable cause) {
        return new InputRejectedException("'" + name + "' keeps its pixel data in a separate file (its "
                + "ElementDataFile is not LOCAL): only this header would be uploaded. This inbox takes .mha files with "
                + "the pixel data inside; convert it (e.g. save it again as .mha) first.", CONVERT, cause);
    }

    /** The refusal for a file the codec could not read, worded by the kind of problem; or a wait for a copy. */
    private RuntimeException refusal(Path file, String name, MetaImageException e) {
        String problem = withoutPath(e, file);
        MetaImageException.Problem kind = e.problem();
        // zeros decoded as compressed data may also come out as too many pixels (a run of zero bits is a valid code)
        boolean dataProblem = kind == MetaImageException.Problem.TRUNCATED || kind == MetaImageException.Problem.CORRUPT
                || kind == MetaImageException.Problem.MISMATCH && compressed(file);
        // zeros in the header are a copy stopped inside it only when nothing but zeros follows (not a DICOM preamble)
        long zeros = dataProblem || zerosFollowTheFirstZero(file) ? zeroTail(file) : 0;
        boolean copyLike = dataProblem || zeros >= ZERO_TAIL;
        if (copyLike) {
            waitIfRecent(file, zeros >= ZERO_TAIL ? "it ends in zeros, as a file created at its full size that is "
                    + "still being written" : problem);
        }
        if (zeros >= ZERO_TAIL) {
            return new InputRejectedException("'" + name + "' was not completely written: " + problem + ", and its "
                    + "last " + (zeros >= MAX_ZERO_TAIL ? "megabyte or more is" : zeros + " bytes are") + " zeros, as "
                    + "when a copy tool creates the file at its full size first and the copy stopped (unchanged for "
                    + settle.toSeconds() + " s).", COPY_AGAIN, e);
        }
        return switch (kind) {
            case NOT_METAIMAGE -> new InputRejectedException("'" + name + "' is not a MetaImage: " + problem + ". "
                    + "This inbox takes MetaImage scans (.mha); convert other formats first.", CONVERT, e);
            case UNSUPPORTED -> new InputRejectedException("'" + name + "' is a kind of MetaImage the service does "
                    + "not take: " + problem + ".", CONVERT, e);
            case TRUNCATED -> new InputRejectedException("'" + name + "' is incomplete: " + problem + ". The copy "
                    + "was probably interrupted (the file did not change for " + settle.toSeconds() + " s).",
                    COPY_AGAIN, e);
            case CORRUPT -> new InputRejectedException("'" + name + "' is damaged: " + problem + ".",
                    "To try again, copy it again from its source (or export it again) and drop it into the inbox.", e);
            case MISMATCH -> new InputRejectedException("'" + name + "' does not match its own header: " + problem
                    + ".", "To try again, export the scan again and drop it into the inbox.", e);
            default -> new InputRejectedException("'" + name + "' has a MetaImage header the service cannot use: "
                    + problem + ".", "To try again, fix the header (or export the scan again) and drop it into the "
                    + "inbox again.", e);
        };
    }

    private static boolean compressed(Path file) {
        try {
            return MetaImageReader.readHeader(file).compressed();
        } catch (IOException e) {
            return false;
        }
    }

    /** A file that changed within the settle time may still be being copied: try it again later. */
    private void waitIfRecent(Path file, String what) {
        Instant changed;
        try {
            changed = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return; // gone or unreadable: the caller's refusal stands
        }
        if (changed.plus(settle).isAfter(Instant.now())) {
            throw new InputIncompleteException("not complete yet (" + what + "); it may still be being copied, so "
                    + "it is checked again until it is complete (refused if it stays like this for "
                    + settle.toSeconds() + " s)");
        }
    }

    /** How many zero bytes the file ends with (counted up to {@link #MAX_ZERO_TAIL}). */
    private static long zeroTail(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long end = channel.size();
            long zeros = 0;
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (end > 0 && zeros < MAX_ZERO_TAIL) {
                int length = (int) Math.min(BUFFER, end);
                read(channel, buffer, end - length, length);
                for (int i = length - 1; i >= 0; i--) {
                    if (buffer.get(i) != 0) {
                        return zeros;
                    }
                    zeros++;
                }
                end -= length;
            }
            return zeros;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the first zero byte of the file's first block is followed by nothing but zeros (one block's worth). */
    private static boolean zerosFollowTheFirstZero(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            int length = (int) Math.min(BUFFER, channel.size());
            read(channel, buffer, 0, length);
            int first = 0;
            while (first < length && buffer.get(first) != 0) {
                first++;
            }
            if (first == length) {
                return false;
            }
            int more = (int) Math.min(BUFFER, channel.size() - first);
            read(channel, buffer, first, more);
            for (int i = 0; i < more; i++) {
                if (buffer.get(i) != 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void read(FileChannel channel, ByteBuffer buffer, long position, int length) throws IOException {
        buffer.clear().limit(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // positional reads of a regular file fill the buffer, but are not promised to in one call
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
