package io.github.camelgc.grandchallenge.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way files are written: to a hidden temporary name in the target's folder, then renamed over the target,
 * so a reader (a person, a file consumer, another node) never sees a partial file under its final name, and a crash
 * leaves at most a hidden {@code .part} file. Temporary names start with a dot, which Camel's file consumer skips.
 */
public final class AtomicFiles {

    /** Writes into the temporary file it is given. */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes into an output stream on the temporary file. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Lets {@code writer} create the temporary file, then moves it to {@code target}. */
    public static Path produce(Path target, PathWriter writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(temporaryName(target.getFileName().toString()));
        try {
            writer.writeTo(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes what {@code writer} produces to {@code target}, forced to disk before the rename. */
    public static Path write(Path target, StreamWriter writer) throws IOException {
        return produce(target, temp -> {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
        });
    }

    /** Streams {@code in} to {@code target}. */
    public static Path copy(InputStream in, Path target) throws IOException {
        return write(target, in::transferTo);
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static Path writeString(Path target, String text) throws IOException {
        return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A hidden name in the same folder, short enough for any target name (file systems allow 255 bytes), ending like
     * the target so writers that go by the extension ({@code .mha}) write the same format.
     */
    static String temporaryName(String targetName) {
        String tail = targetName;
        while (tail.getBytes(StandardCharsets.UTF_8).length > 64) {
            tail = tail.substring(tail.offsetByCodePoints(0, 1));
        }
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return ".part-" + HexFormat.of().formatHex(random) + "-" + tail;
    }
}
