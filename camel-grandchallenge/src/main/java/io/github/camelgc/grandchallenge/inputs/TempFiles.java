package io.github.camelgc.grandchallenge.inputs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.github.camelgc.grandchallenge.outputs.FileNames;

/**
 * A private temporary folder for bodies that must be on disk before upload (streams, byte arrays, JSON values for
 * file sockets). Created on first use, deleted with its content on {@link #close()}.
 */
public final class TempFiles implements Closeable {

    private Path folder;

    /** Streams {@code content} into a new file named (sanitised) {@code name}; never buffers it in memory. */
    public Path write(String name, InputStream content) throws IOException {
        Path target = folder().resolve(FileNames.sanitize(name));
        Files.copy(content, target);
        return target;
    }

    /** Writes small content (a JSON value) into a new file. */
    public Path write(String name, byte[] content) throws IOException {
        Path target = folder().resolve(FileNames.sanitize(name));
        Files.write(target, content);
        return target;
    }

    /** Whether {@code path} is one of the files this instance wrote (a spooled body, not a file of the caller's). */
    public synchronized boolean holds(Path path) {
        return folder != null && path.toAbsolutePath().normalize().startsWith(folder);
    }

    /** A fresh sub folder per file, so equal names never collide and names stay intact for the upload. */
    private synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("grandchallenge-");
        }
        return Files.createTempDirectory(folder, "f");
    }

    @Override
    public synchronized void close() throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        folder = null;
    }
}
