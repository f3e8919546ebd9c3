package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The one place where the SQL of H2 and PostgreSQL differs: an atomic upsert. Both speak standard {@code MERGE}
 * only in part (PostgreSQL from version 15, and even there it is not safe against a concurrent insert of the same
 * key), so each gets its own native form.
 */
enum SqlDialect {

    H2("MERGE INTO gc_state (scope, state_key, state_value, updated_at) KEY (scope, state_key) VALUES (?, ?, ?, ?)"),
    POSTGRESQL("INSERT INTO gc_state (scope, state_key, state_value, updated_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (scope, state_key) DO UPDATE SET state_value = EXCLUDED.state_value, "
            + "updated_at = EXCLUDED.updated_at");

    private final String upsertState;

    SqlDialect(String upsertState) {
        this.upsertState = upsertState;
    }

    /** Insert or replace a {@code gc_state} row; parameters: scope, key, value, updated_at. */
    String upsertState() {
        return upsertState;
    }

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("The service's state runs on H2 or PostgreSQL, not on "
                + connection.getMetaData().getDatabaseProductName());
    }
}
