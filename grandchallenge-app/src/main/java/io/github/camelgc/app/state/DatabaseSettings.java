package io.github.camelgc.app.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.camelgc.app.AppSettings;

/**
 * Which database holds the service's state. Without a URL it is an embedded H2 file in the work folder
 * ({@code state/grandchallenge.mv.db}): nothing to install, one process per work folder. With
 * {@code grandchallenge.database.url} (e.g. {@code jdbc:postgresql://db.example.org/grandchallenge}) it is a shared
 * database, and several service nodes may run on one shared work folder.
 *
 * @param url      the JDBC URL
 * @param user     the database user, or {@code null}
 * @param password the password, or {@code null}; a secret: never part of {@link #toString()}
 * @param embedded whether this is a single-process database (an H2 file opened by this process alone)
 */
public record DatabaseSettings(String url, String user, String password, boolean embedded) {

    public static final String URL_PROPERTY = "grandchallenge.database.url";
    public static final String URL_ENV = "GRAND_CHALLENGE_DATABASE_URL";
    public static final String USER_PROPERTY = "grandchallenge.database.user";
    public static final String USER_ENV = "GRAND_CHALLENGE_DATABASE_USER";
    public static final String PASSWORD_PROPERTY = "grandchallenge.database.password";
    public static final String PASSWORD_ENV = "GRAND_CHALLENGE_DATABASE_PASSWORD";

    /** The embedded database's files in the state folder: {@code grandchallenge.mv.db} (and a lock file). */
    static final String EMBEDDED_NAME = "grandchallenge";

    /**
     * The settings from system properties, the environment and {@code application.properties}
     * ({@link AppSettings#setting}); the embedded database of {@code workDir} when no URL is set.
     */
    public static DatabaseSettings resolve(Map<String, String> environment, Path workDir) {
        return AppSettings.setting(URL_PROPERTY, URL_ENV, environment)
                .map(url -> of(url, AppSettings.setting(USER_PROPERTY, USER_ENV, environment).orElse(null),
                        AppSettings.setting(PASSWORD_PROPERTY, PASSWORD_ENV, environment).orElse(null)))
                .orElseGet(() -> embedded(workDir));
    }

    /** The embedded H2 database of a work folder. */
    public static DatabaseSettings embedded(Path workDir) {
        return new DatabaseSettings(embeddedUrl(embeddedFile(workDir)), null, null, true);
    }

    /** A configured database; an H2 file URL counts as embedded (single process), a server URL as shared. */
    public static DatabaseSettings of(String url, String user, String password) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:") && !lower.startsWith("jdbc:h2:mem:");
        return new DatabaseSettings(url, user, password, h2File);
    }

    /** Where the embedded database of a work folder lives (without H2's {@code .mv.db} suffix). */
    static Path embeddedFile(Path workDir) {
        return workDir.toAbsolutePath().normalize().resolve("state").resolve(EMBEDDED_NAME);
    }

    /**
     * H2's default file lock (a lock file watched by the owner) refuses a second process, also on a share mounted by
     * two hosts. Every commit is written at once ({@code WRITE_DELAY=0}; H2's default keeps the last half second in
     * memory, which a killed process would lose: a submission mark written just before posting a job, say). The
     * database is closed by the service when it stops, not by H2's own shutdown hook, which could run before the
     * routes finished writing their state.
     */
    static String embeddedUrl(Path file) {
        return "jdbc:h2:file:" + file.toString().replace('\\', '/') + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL without user information or parameters (which may carry credentials), for messages. */
    public String describe() {
        String shown = url.replaceAll("//[^/@]*@", "//");
        int parameters = shown.indexOf(embedded ? ';' : '?');
        return parameters < 0 ? shown : shown.substring(0, parameters);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + describe() + ", user=" + user + ", password=" + (password == null ? "none"
                : "***") + ", embedded=" + embedded + "]";
    }
}
