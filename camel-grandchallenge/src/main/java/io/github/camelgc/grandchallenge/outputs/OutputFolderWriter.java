package io.github.camelgc.grandchallenge.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;

/**
 * Writes output items into a folder under the names {@link OutputNaming} makes, each streamed through
 * {@link AtomicFiles} (readers never see a partial file). Whatever the server sends, nothing is written outside the
 * folder.
 */
public final class OutputFolderWriter {

    private final Path folder;
    private final OutputNaming naming;

    /**
     * @param folder the target folder (created when missing)
     * @param naming how each item is named
     */
    public OutputFolderWriter(Path folder, OutputNaming naming) {
        this.folder = folder.toAbsolutePath().normalize();
        this.naming = naming;
    }

    /** Writes every item and returns the paths written, in item order. */
    public List<Path> write(List<OutputItem> items, OutputNaming.Values values) {
        List<Path> written = new ArrayList<>();
        for (OutputItem item : items) {
            Path target = target(item, values);
            try (InputStream in = item.content().get()) {
                written.add(AtomicFiles.copy(in, target));
            } catch (IOException e) {
                // an I/O failure (typically the download cut short, or a full disk): nothing is left under the final
                // name and the same call may well succeed later, so it must not look like a permanent failure
                throw new GrandChallengeIoException("Writing output '" + item.fileName() + "' to " + target
                                                    + " failed: " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** The target path of an item; package-visible for tests of the sanitising. */
    Path target(OutputItem item, OutputNaming.Values values) {
        String name = naming.nameOf(item, values);
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new GrandChallengeException("Output file name '" + name + "' would be outside the output folder "
                                              + folder);
        }
        return target;
    }
}
