package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;

/**
 * Writes imported state into the database, in batches, without overwriting what is already there: the one way the
 * imports ({@link LegacyFiles}, {@link EmbeddedDatabaseImport}) add rows, so running an import again after an
 * interruption changes nothing it already did.
 */
final class StateCopy {

    private static final String STATE = "INSERT INTO gc_state (scope, state_key, state_value, updated_at) "
            + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM gc_state WHERE scope = ? AND state_key = ?)";
    private static final String MESSAGE_ID = "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
            + "SELECT ?, ?, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?)";
    private static final int BATCH = 1_000;

    private final Database database;

    StateCopy(Database database) {
        this.database = database;
    }

    /** Adds the entries of a state store under {@code scope}; empty values are skipped (they mean "none"). */
    int state(String scope, Map<String, String> entries, Timestamp at) throws SQLException {
        int count = 0;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(STATE)) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                if (entry.getValue() == null || entry.getValue().isEmpty()) {
                    continue;
                }
                insert.setString(1, scope);
                insert.setString(2, entry.getKey());
                insert.setString(3, entry.getValue());
                insert.setTimestamp(4, at);
                insert.setString(5, scope);
                insert.setString(6, entry.getKey());
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return count;
    }

    /** Adds message ids (key → when it was recorded) of an idempotent repository under {@code processorName}. */
    int messageIds(String processorName, Map<String, Timestamp> ids) throws SQLException {
        int count = 0;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(MESSAGE_ID)) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, Timestamp> id : ids.entrySet()) {
                insert.setString(1, processorName);
                insert.setString(2, id.getKey());
                insert.setTimestamp(3, id.getValue());
                insert.setString(4, processorName);
                insert.setString(5, id.getKey());
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return count;
    }
}
