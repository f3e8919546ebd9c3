package io.github.camelgc.grandchallenge.state;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.outputs.AtomicFiles;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A crash-safe, append-only file behind {@link org.apache.camel.spi.StateRepository} (listable: {@link
 * ListableStateRepository}): the default store when no database-backed repository is configured.
 * <p>
 * Hand-written because Camel's {@code FileStateRepository} rewrites its file in place when it compacts and cannot
 * load a line cut short by a crash ({@code kill -9} during an append), so an unlucky moment would lose or block the
 * state; and it cannot hold keys with {@code =}. Here every change appends one JSON line ({@code ["key","value"]})
 * and is forced to disk, a torn last line is ignored on load, and compaction writes a new file that atomically
 * replaces the old one. An empty value removes the key (see {@link JsonState}). Each update costs one append;
 * compaction runs when the log holds more than twice as many lines as live keys, so its cost is amortised O(1).
 */
public final class FileStateStore extends ServiceSupport implements ListableStateRepository {

    private static final int MIN_COMPACTION_LINES = 1_000;

    private final Path file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private FileChannel channel;
    private Writer log;
    private long lines;

    public FileStateStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (value == null || value.isEmpty()) {
            if (values.remove(key) == null) {
                return;
            }
        } else if (value.equals(values.put(key, value))) {
            return;
        }
        append(key, value == null ? "" : value);
        if (lines > MIN_COMPACTION_LINES && lines > 2L * values.size()) {
            compact();
        }
    }

    @Override
    public synchronized String getState(String key) {
        return values.get(key);
    }

    /** A copy of every entry (e.g. to move them into another store). */
    public synchronized Map<String, String> snapshot() {
        return new LinkedHashMap<>(values);
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        return values.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    /** The file this store writes. */
    public Path file() {
        return file;
    }

    @Override
    protected synchronized void doStart() throws Exception {
        values.clear();
        lines = 0;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines++;
                apply(line);
            }
        }
        compact();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (log != null) {
            log.close();
            log = null;
            channel = null;
        }
    }

    private void apply(String line) {
        try {
            JsonNode entry = Json.mapper().readTree(line);
            if (entry instanceof ArrayNode pair && pair.size() == 2) {
                String value = pair.get(1).asText();
                if (value.isEmpty()) {
                    values.remove(pair.get(0).asText());
                } else {
                    values.put(pair.get(0).asText(), value);
                }
            }
        } catch (JsonProcessingException tornOrForeign) {
            // the last line of a file cut short by a crash: the change it held never completed
        }
    }

    private void append(String key, String value) {
        try {
            log.write(line(key, value));
            log.flush();
            channel.force(false);
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the live entries into a new file and atomically replaces the log with it. */
    private void compact() {
        try {
            if (log != null) {
                log.close();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> {
                Writer writer = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
                for (Map.Entry<String, String> entry : values.entrySet()) {
                    writer.write(line(entry.getKey(), entry.getValue()));
                }
                writer.flush();
            });
            lines = values.size();
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            log = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compact the state file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String line(String key, String value) throws JsonProcessingException {
        return Json.mapper().writeValueAsString(List.of(key, value)) + "\n";
    }

    @Override
    public String toString() {
        return "FileStateStore[" + file + "]";
    }
}
