package io.github.camelgc.emulator;

import io.github.camelgc.emulator.admin.AdminApi;
import io.github.camelgc.emulator.api.ApiRoutes;
import io.github.camelgc.emulator.backend.Backend;
import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.jobs.Credits;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.Authenticator;
import io.github.camelgc.emulator.server.EmulatorHandler;
import io.github.camelgc.emulator.server.JettyServer;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.server.TlsMaterial;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A running Grand Challenge emulator: the platform's REST API over HTTPS (and optionally HTTP) on
 * loopback, with in-memory state loaded from a fixture.
 *
 * <pre>{@code
 * try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults())) {
 *     String base = gc.baseUrl();             // https://localhost:<port>/api/v1/
 *     String token = gc.token("demo");
 *     SSLContext ssl = gc.sslContext();       // trusts the emulator's self-signed certificate
 * }
 * }</pre>
 */
public final class GrandChallengeEmulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final RequestLog requestLog = new RequestLog();
    private final FaultInjector faults = new FaultInjector();
    private final TlsMaterial tls;
    private final Path storageRoot;
    private final boolean ownsStorage;
    private final Backend backend;
    private final JettyServer server;

    private GrandChallengeEmulator(EmulatorConfig config) throws IOException {
        this.config = config;
        this.tls = TlsMaterial.of(config.keystore());
        this.ownsStorage = config.storageDir() == null;
        this.storageRoot = ownsStorage ? Files.createTempDirectory("gc-emulator-") : config.storageDir();
        this.backend = new Backend(config, storageRoot);
        Router router = ApiRoutes.create(backend);
        if (config.admin()) {
            new AdminApi(backend, requestLog, faults).register(router);
        }
        server = new JettyServer(config.host(), config.httpsPort(), config.httpPort(), tls,
                new EmulatorHandler(router, new Authenticator(backend.state()::userByToken), requestLog, faults));
    }

    /** Starts an emulator; close it to stop the server and delete its temporary storage. */
    public static GrandChallengeEmulator start(EmulatorConfig config) throws IOException {
        GrandChallengeEmulator emulator = new GrandChallengeEmulator(config);
        try {
            emulator.server.start();
        } catch (Exception e) {
            emulator.close();
            throw new IOException("Cannot start the Grand Challenge emulator on " + config.host() + ":"
                    + config.httpsPort() + ": " + e.getMessage(), e);
        }
        return emulator;
    }

    /**
     * Makes the server unreachable (connections refused) while keeping all state, jobs keep running: the platform
     * down for a while. {@link #resume()} serves again on the same ports.
     */
    public void pause() {
        try {
            server.pause();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot pause the Grand Challenge emulator", e);
        }
    }

    /** Serves again on the same ports, with the same state and certificate, after {@link #pause()}. */
    public void resume() {
        try {
            server.resume();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot resume the Grand Challenge emulator on port " + httpsPort(), e);
        }
    }

    /** A restart of the server that keeps the platform's state: {@link #pause()} then {@link #resume()}. */
    public void restart() {
        pause();
        resume();
    }

    /** {@code https://localhost:<port>/api/v1/}. */
    public String baseUrl() {
        return "https://localhost:" + server.httpsPort() + "/api/v1/";
    }

    /** {@code http://localhost:<port>/api/v1/}, or {@code null} without a plain HTTP connector. */
    public String httpBaseUrl() {
        return server.httpPort() < 0 ? null : "http://localhost:" + server.httpPort() + "/api/v1/";
    }

    public int httpsPort() {
        return server.httpsPort();
    }

    /** The API token of a fixture user. */
    public String token(String username) {
        return user(username).token();
    }

    public User user(String username) {
        return backend.state().user(username).orElseThrow(() -> new IllegalArgumentException(
                "No user '" + username + "' in the emulator's fixture"));
    }

    /** A client SSL context trusting the emulator's self-signed certificate. */
    public SSLContext sslContext() {
        return tls.sslContext();
    }

    /** A PKCS12 trust store (no password needed to read) holding the emulator's certificate. */
    public KeyStore trustStore() {
        return tls.trustStore();
    }

    /** The emulator's certificate, PEM encoded. */
    public String certificatePem() {
        return tls.certificatePem();
    }

    /** Writes the certificate PEM to a file (for curl {@code --cacert} or Python {@code verify=}). */
    public Path writeCertificatePem(Path file) throws IOException {
        return tls.writePem(file);
    }

    /** The in-memory state (read it to count jobs, find uploads, …). */
    public EmulatorState state() {
        return backend.state();
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Makes a job end {@code Failed} now (admin control). */
    public void failJob(String jobPk) {
        backend.failJob(jobPk);
    }

    /** Keeps a job in {@code state} once it gets there; {@code null} releases it. */
    public void holdJob(String jobPk, JobStatus state) {
        backend.holdJob(jobPk, state);
    }

    /** The algorithm credits of the platform: pools, grants, prices and what users have left. */
    public Credits credits() {
        return backend.credits();
    }

    /**
     * Gives a user a monthly credit pool of their own: {@code 0} runs them out of credits (their next job is refused
     * with "You have run out of algorithm credits"), a larger number gives credits back.
     */
    public void setCredits(String username, int creditsPerMonth) {
        user(username);
        backend.credits().setMonthlyCredits(username, creditsPerMonth);
    }

    /** Jobs the user may still start with the algorithm (as the platform's job form shows). */
    public long remainingJobs(String username, String algorithmSlug) {
        Algorithm algorithm = backend.state().algorithmBySlug(algorithmSlug).orElseThrow(() ->
                new IllegalArgumentException("No algorithm '" + algorithmSlug + "' in the emulator's fixture"));
        return backend.credits().remainingJobs(user(username), algorithm);
    }

    /** The platform's "now". */
    public Instant now() {
        return backend.clock().instant();
    }

    /**
     * Moves the platform's clock forward, e.g. a month to renew users' credits; presigned URLs and credit periods
     * follow it, jobs keep running in real time.
     */
    public void advanceClock(Duration duration) {
        backend.clock().advance(duration);
    }

    /**
     * Load-test seeding: registers a single-file {@code .mha} as an image (the file is moved into storage, its
     * header read, its voxels not), as the platform's importer would. Nobody sees it until a job uses it.
     *
     * @return the image pk
     */
    public String seedImage(Path mha, String name) throws IOException {
        return backend.seeding().image(mha, name);
    }

    /**
     * Load-test seeding: adds {@code count} jobs of an algorithm straight to the state (no HTTP, no validation, no
     * runner, no credits), created one microsecond apart after every existing job, each with the same image
     * {@code inputs} and {@code outputs} (socket slug → image pk). Jobs left unfinished stay in {@code status} until
     * {@link #finishSeededJob} or {@link #failJob}. Seeding a million jobs takes seconds; the API then lists, filters
     * and serves them like any other job.
     *
     * @return the pks in creation order
     */
    public List<String> seedJobs(String username, String algorithmSlug, JobStatus status, int count,
            Map<String, String> inputs, Map<String, String> outputs) {
        return backend.seeding().jobs(username, algorithmSlug, status, count, inputs, outputs);
    }

    /** Ends a seeded, unfinished job {@code Succeeded} now, with {@code outputs} (socket slug → image pk). */
    public void finishSeededJob(String jobPk, Map<String, String> outputs) {
        backend.seeding().finish(jobPk, outputs);
    }

    public EmulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            server.close();
            backend.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the Grand Challenge emulator", e);
        } finally {
            if (ownsStorage) {
                deleteRecursively(storageRoot);
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Leftovers in a temp folder are harmless (a file an import was still writing may vanish mid-walk).
        }
    }
}
