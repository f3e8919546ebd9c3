package io.github.camelgc.app.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelgc.grandchallenge.state.FileStateStore;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time import of the state earlier versions kept in files in the work folder, on the first start with a
 * database, so an upgrade neither submits nor emits anything twice:
 * <ul>
 * <li>{@code state/<platform>/job-inputs.json} (job → input), {@code consumers/positions.json} and
 * {@code consumers/submissions.json} → {@code gc_state} in the platform's scope;</li>
 * <li>{@code state/<platform>/consumers/<consumer>/emitted.dat} → what that consumer emitted;</li>
 * <li>{@code state/lung-masks.idempotent} → the lung masks already written.</li>
 * </ul>
 * Each file is renamed to {@code <name>.imported} once its rows are in (an interrupted import simply runs again:
 * rows already there are kept). The older {@code jobs.properties} ledger is imported by {@code JobInputs} itself.
 */
final class LegacyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyFiles.class);
    private static final List<String> STATE_FILES = List.of("job-inputs.json", "consumers/positions.json",
            "consumers/submissions.json");

    private final StateCopy copy;
    private final Path stateFolder;

    LegacyFiles(Database database, Path stateFolder) {
        this.copy = new StateCopy(database);
        this.stateFolder = stateFolder;
    }

    /** Imports whatever is left to import. */
    void importAll() {
        try {
            for (Path platform : folders(stateFolder)) {
                String scope = platform.getFileName().toString();
                for (String name : STATE_FILES) {
                    importState(scope, platform.resolve(name));
                }
                for (Path consumer : folders(platform.resolve("consumers"))) {
                    importIds(consumer.getFileName().toString(), consumer.resolve("emitted.dat"));
                }
            }
            importIds(ServiceState.LUNG_MASKS, stateFolder.resolve("lung-masks.idempotent"));
        } catch (IOException | SQLException e) {
            throw new DatabaseUnavailableException("Cannot import the earlier state files of " + stateFolder
                    + " into the database: " + e.getMessage(), e);
        }
    }

    private void importState(String scope, Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        FileStateStore store = new FileStateStore(file);
        ServiceHelper.startService(store);
        Map<String, String> entries;
        try {
            entries = store.snapshot();
        } finally {
            ServiceHelper.stopService(store);
        }
        int count = copy.state(scope, entries, new Timestamp(Files.getLastModifiedTime(file).toMillis()));
        done(file, count);
    }

    /** A file of Camel's {@code FileIdempotentRepository}: one key per line. */
    private void importIds(String processorName, Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Timestamp at = new Timestamp(Files.getLastModifiedTime(file).toMillis());
        Map<String, Timestamp> ids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ids.put(line.trim(), at);
            }
        }
        done(file, copy.messageIds(processorName, ids));
    }

    private static void done(Path file, int count) throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + ".imported"));
        LOG.info("Imported {} entries of {} into the database", count, file);
    }

    private static List<Path> folders(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return new ArrayList<>(entries.filter(Files::isDirectory).sorted().toList());
        }
    }
}
