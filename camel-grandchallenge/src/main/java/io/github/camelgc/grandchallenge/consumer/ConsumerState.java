package io.github.camelgc.grandchallenge.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import io.github.camelgc.grandchallenge.outputs.FileNames;

/**
 * A consumer's persistent state in the state directory: a small properties file (written atomically) plus the files
 * of the default idempotent repository. The folder name is derived from what the consumer follows, so two routes
 * following different algorithms or servers never share state.
 */
public final class ConsumerState {

    private final Path folder;
    private final Path file;
    private final Properties properties = new Properties();

    private ConsumerState(Path folder) {
        this.folder = folder;
        this.file = folder.resolve("state.properties");
    }

    /** Opens (creating if needed) the state of the consumer of {@code kind}/{@code name} on {@code baseUrl}. */
    public static ConsumerState open(String stateDirectory, String kind, String name, String baseUrl) {
        Path folder = Path.of(stateDirectory).resolve(kind + "-" + FileNames.sanitize(name) + "-" + shortHash(baseUrl));
        ConsumerState state = new ConsumerState(folder);
        try {
            Files.createDirectories(folder);
            if (Files.exists(state.file)) {
                try (InputStream in = Files.newInputStream(state.file)) {
                    state.properties.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read consumer state in " + folder, e);
        }
        return state;
    }

    /** A file inside this state's folder. */
    public Path file(String name) {
        return folder.resolve(name);
    }

    public boolean isInitialized() {
        return Boolean.parseBoolean(properties.getProperty("initialized", "false"));
    }

    public long offset() {
        return Long.parseLong(properties.getProperty("offset", "0"));
    }

    /** Marks the first start as done. */
    public void markInitialized() {
        properties.setProperty("initialized", "true");
        save();
    }

    /** Persists the list offset below which everything is final and handled. */
    public void saveOffset(long offset) {
        properties.setProperty("offset", Long.toString(offset));
        save();
    }

    private void save() {
        Path temp = folder.resolve("state.properties.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "grandchallenge consumer state");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write consumer state " + file, e);
        }
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
