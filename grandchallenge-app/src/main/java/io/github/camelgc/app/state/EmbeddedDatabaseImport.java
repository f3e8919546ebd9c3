package io.github.camelgc.app.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrading a single node to a cluster: the first node started with a shared database on a work folder that still
 * has an embedded database copies that database's state into the shared one (rows already there are kept) and
 * renames its file to {@code grandchallenge.mv.db.imported}. While a single node still runs on the embedded database
 * it holds that file's lock: the shared node is then refused, so the two never work on one inbox with two states.
 * <p>
 * Inbox claims are not copied: the single node that held them is stopped.
 */
final class EmbeddedDatabaseImport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseImport.class);

    private EmbeddedDatabaseImport() {
    }

    /** Copies the embedded database of the work folder whose state folder is {@code stateFolder}, if there is one. */
    static void importInto(Database shared, Path stateFolder) {
        Path file = stateFolder.resolve(DatabaseSettings.EMBEDDED_NAME);
        Path data = file.resolveSibling(file.getFileName() + ".mv.db");
        if (!Files.isRegularFile(data)) {
            return;
        }
        DatabaseSettings embedded = DatabaseSettings.embedded(stateFolder.getParent());
        try (Connection source = DriverManager.getConnection(embedded.url() + ";IFEXISTS=TRUE")) {
            StateCopy copy = new StateCopy(shared);
            int states = 0;
            for (Map.Entry<String, Map<String, String>> scope : states(source).entrySet()) {
                states += copy.state(scope.getKey(), scope.getValue(), new Timestamp(System.currentTimeMillis()));
            }
            int ids = 0;
            for (Map.Entry<String, Map<String, Timestamp>> processor : messageIds(source).entrySet()) {
                ids += copy.messageIds(processor.getKey(), processor.getValue());
            }
            LOG.info("Imported the embedded database of this work folder into {}: {} state entries, {} message ids",
                    shared, states, ids);
        } catch (SQLException e) {
            if (e.getErrorCode() == Database.H2_ALREADY_OPEN) {
                throw new DatabaseUnavailableException("This work folder's embedded database (" + data + ") is in use by "
                        + "another service process: a single node still runs here, or another node is importing it "
                        + "right now. Stop the single node before starting nodes with a shared database (or start "
                        + "this one again in a moment); see docs/deployment.md.", e);
            }
            throw new DatabaseUnavailableException("Cannot import the embedded database " + data + " into " + shared
                    + ": " + e.getMessage(), e);
        }
        try {
            Files.move(data, data.resolveSibling(data.getFileName() + ".imported"));
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Imported " + data + " but cannot rename it: " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, String>> states(Connection source) throws SQLException {
        Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
        try (PreparedStatement select = source.prepareStatement(
                "SELECT scope, state_key, state_value FROM gc_state ORDER BY scope");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                scopes.computeIfAbsent(rows.getString(1), s -> new LinkedHashMap<>())
                        .put(rows.getString(2), rows.getString(3));
            }
        }
        return scopes;
    }

    private static Map<String, Map<String, Timestamp>> messageIds(Connection source) throws SQLException {
        Map<String, Map<String, Timestamp>> processors = new LinkedHashMap<>();
        try (PreparedStatement select = source.prepareStatement("SELECT processorName, messageId, createdAt "
                + "FROM CAMEL_MESSAGEPROCESSED WHERE processorName <> ? ORDER BY processorName")) {
            select.setString(1, InboxClaims.PROCESSOR);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    processors.computeIfAbsent(rows.getString(1), s -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getTimestamp(3));
                }
            }
        }
        return processors;
    }
}
