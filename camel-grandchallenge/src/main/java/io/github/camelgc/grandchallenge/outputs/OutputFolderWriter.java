package io.github.camelgc.grandchallenge.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;

/**
 * Writes output items into a folder. Names come from a pattern whose placeholders are filled with sanitised values;
 * each file is streamed to a hidden temporary name in its target folder and then renamed, so readers never see a
 * partial file. Whatever the server sends, nothing is written outside the folder.
 */
public final class OutputFolderWriter {

    private final Path folder;
    private final String pattern;

    /**
     * @param folder  the target folder (created when missing)
     * @param pattern file name pattern with {@code {job}}, {@code {input}}, {@code {socket}}, {@code {name}},
     *                {@code {ext}}; {@code /} in the pattern creates sub folders
     */
    public OutputFolderWriter(Path folder, String pattern) {
        this.folder = folder.toAbsolutePath().normalize();
        this.pattern = pattern;
    }

    /** Writes every item; {@code jobId} and {@code inputName} fill {@code {job}} and {@code {input}}. */
    public List<Path> write(List<OutputItem> items, String jobId, String inputName) {
        List<Path> written = new ArrayList<>();
        for (OutputItem item : items) {
            Path target = target(item, jobId, inputName);
            try (InputStream in = item.content().get()) {
                written.add(writeAtomically(in, target));
            } catch (IOException e) {
                // an I/O failure (typically the download cut short): nothing is left under the final name and the
                // same call may well succeed later, so it must not look like a permanent failure
                throw new GrandChallengeIoException("Writing output '" + item.fileName() + "' to " + target
                                                    + " failed: " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** The target path of an item; package-visible for tests of the sanitising. */
    Path target(OutputItem item, String jobId, String inputName) {
        Map<String, String> values = Map.of(
                "{job}", FileNames.sanitize(jobId == null ? "job" : jobId),
                "{input}", inputName == null ? FileNames.sanitize(jobId) : FileNames.stem(inputName),
                "{socket}", FileNames.sanitize(item.socket() == null ? "image" : item.socket()),
                "{name}", FileNames.sanitize(item.fileName()),
                "{ext}", FileNames.extension(item.fileName()));
        String name = pattern;
        for (Map.Entry<String, String> value : values.entrySet()) {
            name = name.replace(value.getKey(), value.getValue());
        }
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new GrandChallengeException("Output file name '" + name + "' (pattern '" + pattern
                                              + "') would be outside the output folder " + folder);
        }
        return target;
    }

    private static Path writeAtomically(InputStream in, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.copy(in, temp);
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
}
