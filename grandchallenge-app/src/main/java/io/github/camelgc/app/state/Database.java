package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: a HikariCP pool, its schema migrated by Flyway on every start (the versioned migrations
 * ship in the jar, {@code io/github/camelgc/app/state/migration}; several nodes starting at once are serialised by
 * Flyway's lock).
 */
public final class Database implements AutoCloseable {

    /** Where the migrations live, and the table Flyway records them in. */
    static final String MIGRATIONS = "classpath:io/github/camelgc/app/state/migration";
    static final String HISTORY_TABLE = "gc_schema_history";
    /** H2's error code for "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_ALREADY_OPEN = 90020;

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final SqlDialect dialect;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, SqlDialect dialect) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws DatabaseUnavailableException when the database cannot be opened (with a reason a person can act on,
     *                                      e.g. another process holds the embedded database)
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("grandchallenge-state");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(10);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw refusal(settings, e);
        }
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource).locations(MIGRATIONS)
                    .table(HISTORY_TABLE).load().migrate();
            return new Database(settings, dataSource, dialect);
        } catch (SQLException | RuntimeException e) {
            dataSource.close();
            throw refusal(settings, e);
        }
    }

    private static DatabaseUnavailableException refusal(DatabaseSettings settings, Exception e) {
        if (settings.embedded() && h2AlreadyOpen(e)) {
            return new DatabaseUnavailableException("Another service process is using this work folder: its embedded "
                    + "database (" + settings.describe().replaceFirst("^jdbc:h2:file:", "") + ".mv.db) is locked by "
                    + "that process. With the embedded database one work folder serves one process. To run several "
                    + "service nodes on one shared inbox, give every node the same shared database: "
                    + DatabaseSettings.URL_PROPERTY + "=jdbc:postgresql://<host>/<database> (or " + DatabaseSettings.URL_ENV
                    + ") with " + DatabaseSettings.USER_ENV + " and " + DatabaseSettings.PASSWORD_ENV
                    + "; see docs/deployment.md.", e);
        }
        return new DatabaseUnavailableException("Cannot open the service's database " + settings.describe() + ": "
                + rootMessage(e), e);
    }

    private static boolean h2AlreadyOpen(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** Whether this is the embedded single-process database (no other node can share it). */
    public boolean embedded() {
        return settings.embedded();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + settings.describe() + "]";
    }
}
