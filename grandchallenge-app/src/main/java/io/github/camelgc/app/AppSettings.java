package io.github.camelgc.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the service talks to and where it keeps its folders, resolved once at start.
 * <p>
 * Each setting comes from the first of: a JVM system property, an environment variable, then
 * {@code application.properties} (an {@code application.properties} in the current folder overrides the one in the
 * jar). The token is a secret: it is never part of {@link #toString()}.
 */
public final class AppSettings {

    /** Property and environment variable names. */
    public static final String TOKEN_PROPERTY = "camel.component.grandchallenge.token";
    public static final String TOKEN_ENV = "GRAND_CHALLENGE_AUTHORIZATION";
    public static final String BASE_URL_PROPERTY = "camel.component.grandchallenge.baseUrl";
    public static final String BASE_URL_ENV = "GRAND_CHALLENGE_BASE_URL";
    public static final String WORK_DIR_PROPERTY = "grandchallenge.workDir";
    public static final String WORK_DIR_ENV = "GRAND_CHALLENGE_WORK_DIR";
    public static final String ROUTES_DIR_PROPERTY = "grandchallenge.routesDir";
    public static final String ROUTES_DIR_ENV = "GRAND_CHALLENGE_ROUTES_DIR";
    public static final String JOB_TIMEOUT_PROPERTY = "grandchallenge.jobTimeout";
    public static final String JOB_TIMEOUT_ENV = "GRAND_CHALLENGE_JOB_TIMEOUT";
    public static final String READY_MARKER_PROPERTY = "grandchallenge.inbox.readyMarker";
    public static final String READY_MARKER_ENV = "GRAND_CHALLENGE_INBOX_READY_MARKER";

    private final String token;
    private final String baseUrl;
    private final Path workDir;
    private final Path routesDir;
    private final Duration jobTimeout;
    private final boolean readyMarker;

    private AppSettings(String token, String baseUrl, Path workDir, Path routesDir, Duration jobTimeout,
            boolean readyMarker) {
        this.token = token;
        this.baseUrl = baseUrl;
        this.workDir = workDir;
        this.routesDir = routesDir;
        this.jobTimeout = jobTimeout;
        this.readyMarker = readyMarker;
    }

    /** Resolves the settings from system properties, the given environment and the properties files. */
    public static AppSettings resolve(Map<String, String> environment) {
        Properties file = applicationProperties();
        String token = firstOf(System.getProperty(TOKEN_PROPERTY), environment.get(TOKEN_ENV),
                file.getProperty(TOKEN_PROPERTY));
        String baseUrl = firstOf(System.getProperty(BASE_URL_PROPERTY), environment.get(BASE_URL_ENV),
                file.getProperty(BASE_URL_PROPERTY));
        String workDir = firstOf(System.getProperty(WORK_DIR_PROPERTY), environment.get(WORK_DIR_ENV),
                file.getProperty(WORK_DIR_PROPERTY), "grandchallenge-work");
        String routesDir = firstOf(System.getProperty(ROUTES_DIR_PROPERTY), environment.get(ROUTES_DIR_ENV),
                file.getProperty(ROUTES_DIR_PROPERTY));
        String jobTimeout = firstOf(System.getProperty(JOB_TIMEOUT_PROPERTY), environment.get(JOB_TIMEOUT_ENV),
                file.getProperty(JOB_TIMEOUT_PROPERTY));
        String readyMarker = firstOf(System.getProperty(READY_MARKER_PROPERTY), environment.get(READY_MARKER_ENV),
                file.getProperty(READY_MARKER_PROPERTY));
        return new AppSettings(token, baseUrl, Path.of(workDir).toAbsolutePath().normalize(),
                routesDir == null ? null : Path.of(routesDir).toAbsolutePath().normalize(), parseDuration(jobTimeout),
                parseBoolean(READY_MARKER_PROPERTY, readyMarker));
    }

    private static boolean parseBoolean(String property, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(property + " must be true or false, not '" + value + "'");
    }

    /** An ISO-8601 duration ({@code PT2H}) or a number of minutes; {@code null} stays {@code null}. */
    static Duration parseDuration(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.matches("\\d+") ? Duration.ofMinutes(Long.parseLong(value)) : Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(JOB_TIMEOUT_PROPERTY + " must be a number of minutes or an ISO-8601 "
                    + "duration such as PT2H, not '" + value + "'", e);
        }
    }

    /** A copy pointing at another work folder (command line {@code --work-dir}). */
    public AppSettings withWorkDir(Path folder) {
        return new AppSettings(token, baseUrl, folder.toAbsolutePath().normalize(), routesDir, jobTimeout,
                readyMarker);
    }

    /** A copy loading the YAML routes from a folder instead of the jar (command line {@code --routes}). */
    public AppSettings withRoutesDir(Path folder) {
        return new AppSettings(token, baseUrl, workDir, folder.toAbsolutePath().normalize(), jobTimeout,
                readyMarker);
    }

    /** A copy talking to the given platform (used once the embedded emulator runs). */
    public AppSettings withPlatform(String newBaseUrl, String newToken) {
        return new AppSettings(newToken, newBaseUrl, workDir, routesDir, jobTimeout, readyMarker);
    }

    /** Whether a platform is configured; without one the embedded emulator is started. */
    public boolean platformConfigured() {
        return token != null;
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public Path workDir() {
        return workDir;
    }

    /** How long a job may take before its input goes to .failed/, when configured (else the tuning's default). */
    public Optional<Duration> jobTimeout() {
        return Optional.ofNullable(jobTimeout);
    }

    /**
     * Whether an input is taken only once its marker exists ({@code <name>.ready} next to the file or case folder):
     * for copy methods that write a file in place and cannot be told from a complete one.
     */
    public boolean readyMarker() {
        return readyMarker;
    }

    /** A copy with ready markers on or off. */
    public AppSettings withReadyMarker(boolean on) {
        return new AppSettings(token, baseUrl, workDir, routesDir, jobTimeout, on);
    }

    /** The folder of YAML routes that replaces the routes shipped in the jar, if any. */
    public Optional<Path> routesDir() {
        return Optional.ofNullable(routesDir);
    }

    @Override
    public String toString() {
        return "AppSettings[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "***")
                + ", workDir=" + workDir + ", routesDir=" + routesDir + ", readyMarker=" + readyMarker + "]";
    }

    /**
     * A setting of another part of the service (e.g. its database), resolved like these: a JVM system property, else
     * the environment variable, else {@code application.properties}.
     */
    public static Optional<String> setting(String property, String environmentVariable,
            Map<String, String> environment) {
        return Optional.ofNullable(firstOf(System.getProperty(property), environment.get(environmentVariable),
                applicationProperties().getProperty(property)));
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = AppSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
            Path local = Path.of("application.properties");
            if (Files.isRegularFile(local)) {
                try (InputStream localIn = Files.newInputStream(local)) {
                    properties.load(localIn);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.properties: " + e.getMessage(), e);
        }
        return properties;
    }
}
