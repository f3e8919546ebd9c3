package io.github.camelgc.app.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelgc.grandchallenge.outputs.AtomicFiles;

/**
 * A note in the work folder ({@code state/shared-database.txt}) that its state lives in a shared database. Nodes
 * with a shared database write it; a node started on the same folder with the embedded database is refused, because
 * it would claim and submit the same inbox files from a state of its own (an operator forgetting one node's
 * settings).
 */
final class SharedDatabaseMarker {

    static final String FILE = "shared-database.txt";

    private SharedDatabaseMarker() {
    }

    /** Refuses to open the embedded database of a work folder that nodes with a shared database serve. */
    static void checkEmbeddedAllowed(Path stateFolder) {
        Path marker = stateFolder.resolve(FILE);
        if (Files.isRegularFile(marker)) {
            throw new DatabaseUnavailableException("This work folder is served by nodes with a shared database ("
                    + firstLine(marker) + "); this process was started with the embedded one and would work on the "
                    + "same inbox with a state of its own. Start it with the same " + DatabaseSettings.URL_PROPERTY
                    + " (" + DatabaseSettings.URL_ENV + ") as the other nodes. If the cluster was retired and this "
                    + "folder goes back to a single node, delete " + marker + " first; see docs/deployment.md.", null);
        }
    }

    /** Records that the work folder's state lives in {@code shared}. */
    static void write(Path stateFolder, DatabaseSettings shared) {
        Path marker = stateFolder.resolve(FILE);
        String text = shared.describe() + System.lineSeparator()
                + "The state of this work folder lives in the shared database above; service processes on this "
                + "folder must all use it (grandchallenge.database.url). See docs/deployment.md."
                + System.lineSeparator();
        try {
            if (!Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).equals(text)) {
                AtomicFiles.writeString(marker, text);
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Path marker) {
        try {
            return Files.readAllLines(marker, StandardCharsets.UTF_8).stream().findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
