package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.camelgc.grandchallenge.state.ListableStateRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's {@link StateRepository} on the {@code gc_state} table: one row per key within a scope (the platform's host
 * and port), written by one upsert, read by primary key, so every operation costs the same however long the
 * history. An empty value deletes the row (the component's convention for "no state"). Nothing is cached: other
 * nodes change the same rows.
 * <p>
 * Hand-written because camel-sql has no {@code StateRepository}; its idempotent repositories cover the other stores.
 */
public final class JdbcStateRepository extends ServiceSupport implements ListableStateRepository {

    private static final String SELECT = "SELECT state_value FROM gc_state WHERE scope = ? AND state_key = ?";
    private static final String DELETE = "DELETE FROM gc_state WHERE scope = ? AND state_key = ?";
    /** A prefix match; the scope narrows it to this platform's rows (the primary key's first column). */
    private static final String KEYS = "SELECT state_key FROM gc_state WHERE scope = ? AND state_key LIKE ? ESCAPE '!'";

    private final Database database;
    private final String scope;
    private final Clock clock;

    public JdbcStateRepository(Database database, String scope) {
        this(database, scope, Clock.systemUTC());
    }

    JdbcStateRepository(Database database, String scope, Clock clock) {
        this.database = database;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public void setState(String key, String value) {
        boolean clear = value == null || value.isEmpty();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(clear ? DELETE
                        : database.dialect().upsertState())) {
            statement.setString(1, scope);
            statement.setString(2, key);
            if (!clear) {
                statement.setString(3, value);
                statement.setTimestamp(4, new Timestamp(clock.millis()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot write the state of " + key + " to " + database + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, scope);
            statement.setString(2, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the state of " + key + " from " + database + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(KEYS)) {
            statement.setString(1, scope);
            statement.setString(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot list the state under " + prefix + " in " + database + ": "
                    + e.getMessage(), e);
        }
    }

    /** The scope this repository's keys live in. */
    public String scope() {
        return scope;
    }

    @Override
    protected void doStart() {
        // stateless: the pool belongs to the database
    }

    @Override
    protected void doStop() {
        // stateless: the pool belongs to the database
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + database + ", scope=" + scope + "]";
    }
}
