package io.github.camelgc.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The S3 stand-in's disk: objects are files under a root folder, written and read as streams so
 * multi-GB parts never sit in memory.
 */
public final class BlobStore {

    /** A stored object: where it is, its size and the hex MD5 of its bytes. */
    public record Stored(Path path, long size, String md5) {
    }

    private static final int BUFFER = 64 * 1024;

    private final Path root;

    public BlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The file of a storage key such as {@code images/<pk>/<file pk>/<name>}.
     *
     * @throws IllegalArgumentException when the key would leave the storage root
     */
    public Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Storage key '" + key + "' is outside the storage root");
        }
        return path;
    }

    /** Streams {@code in} into the object {@code key}, computing its MD5 on the way. */
    public Stored write(String key, InputStream in) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        MessageDigest md5 = md5();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), md5)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                size += n;
            }
        }
        return new Stored(target, size, HexFormat.of().formatHex(md5.digest()));
    }

    /**
     * Concatenates part files into the object {@code key} and returns its size. A single part is renamed; several
     * are copied file to file by the kernel ({@link FileChannel#transferTo}), not through a Java buffer.
     */
    public long concatenate(String key, List<Path> parts) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        if (parts.size() == 1) {
            Files.move(parts.get(0), target, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(target);
        }
        long size = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path part : parts) {
                try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                    long length = in.size();
                    for (long done = 0; done < length; ) {
                        done += in.transferTo(done, length - done, out);
                    }
                    size += length;
                }
            }
        }
        for (Path part : parts) {
            Files.deleteIfExists(part);
        }
        return size;
    }

    /** Copies an existing file into the object {@code key}. */
    public Path copy(Path source, String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The storage key of a file under the root. */
    public String keyOf(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
