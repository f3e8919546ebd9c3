package io.github.camelgc.emulator;

import io.github.camelgc.emulator.admin.AdminApi;
import io.github.camelgc.emulator.api.AlgorithmsApi;
import io.github.camelgc.emulator.api.ApiContext;
import io.github.camelgc.emulator.api.GcapiApi;
import io.github.camelgc.emulator.api.InterfacesApi;
import io.github.camelgc.emulator.api.StorageApi;
import io.github.camelgc.emulator.api.UploadsApi;
import io.github.camelgc.emulator.api.ArchivesApi;
import io.github.camelgc.emulator.api.ImagesApi;
import io.github.camelgc.emulator.api.JobsApi;
import io.github.camelgc.emulator.api.MediaApi;
import io.github.camelgc.emulator.api.UploadSessionsApi;
import io.github.camelgc.emulator.api.Views;
import io.github.camelgc.emulator.fixture.ArchiveCases;
import io.github.camelgc.emulator.images.ImageImporter;
import io.github.camelgc.emulator.images.ImageStore;
import io.github.camelgc.emulator.jobs.BuiltInAlgorithms;
import io.github.camelgc.emulator.jobs.InputParser;
import io.github.camelgc.emulator.jobs.JobFactory;
import io.github.camelgc.emulator.jobs.JobRunner;
import io.github.camelgc.emulator.jobs.ValueFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.fixture.Fixture;
import io.github.camelgc.emulator.fixture.FixtureLoader;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.Authenticator;
import io.github.camelgc.emulator.server.EmulatorHandler;
import io.github.camelgc.emulator.server.JettyServer;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.server.TlsMaterial;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.emulator.storage.UrlSigner;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    private final EmulatorState state = new EmulatorState();
    private final RequestLog requestLog = new RequestLog();
    private final FaultInjector faults = new FaultInjector();
    private final TlsMaterial tls;
    private final Path storageRoot;
    private final boolean ownsStorage;
    private final JettyServer server;
    private final JobRunner jobRunner;
    private final ExecutorService background;
    private final ImageStore images;
    private final Object seedLock = new Object();

    private GrandChallengeEmulator(EmulatorConfig config) throws IOException {
        this.config = config;
        this.tls = TlsMaterial.of(config.keystore());
        this.ownsStorage = config.storageDir() == null;
        this.storageRoot = ownsStorage ? Files.createTempDirectory("gc-emulator-") : config.storageDir();
        Fixture fixture = config.fixture() == null ? FixtureLoader.readDefault() : FixtureLoader.read(config.fixture());
        FixtureLoader.apply(fixture, state);
        BlobStore blobs = new BlobStore(storageRoot);
        Visibility visibility = new Visibility(state);
        ApiContext ctx = new ApiContext(config, state, new Views(state), visibility, blobs,
                new UrlSigner(Clock.systemUTC()), Clock.systemUTC());
        images = new ImageStore(state, blobs);
        ValueFactory values = new ValueFactory(state, new ImageImporter(images, blobs), blobs);
        InputParser parser = new InputParser(state, visibility);
        jobRunner = new JobRunner(config.jobWorkers(), config.jobStepDelay(), BuiltInAlgorithms.defaults(), values,
                state, images, blobs);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gc-emulator-imports");
            t.setDaemon(true);
            return t;
        });
        new ArchiveCases(state, images, GrandChallengeEmulator::writePhantomCase).add(fixture, config.phantomCases(), storageRoot);
        Router router = new Router();
        GcapiApi.register(router);
        new InterfacesApi(ctx).register(router);
        new AlgorithmsApi(ctx).register(router);
        new UploadsApi(ctx).register(router);
        new StorageApi(ctx).register(router);
        new ImagesApi(ctx).register(router);
        new MediaApi(ctx).register(router);
        new JobsApi(ctx, new JobFactory(state, parser, values, jobRunner, config.maxActiveJobsPerUser(),
                Clock.systemUTC())).register(router);
        new ArchivesApi(ctx, parser, values, background).register(router);
        new UploadSessionsApi(ctx, values, background).register(router);
        if (config.admin()) {
            new AdminApi(state, requestLog, faults, jobRunner).register(router);
        }
        server = new JettyServer(config.host(), config.httpsPort(), config.httpPort(), tls,
                new EmulatorHandler(router, new Authenticator(state::userByToken), requestLog, faults));
    }

    /** Case {@code n} of the default archive: a small chest phantom (fast to start), distinct per case. */
    private static void writePhantomCase(Path file, int n) throws IOException {
        ChestPhantom phantom = ChestPhantom.builder().size(64, 64, 48 + 2 * (n % 3)).spacing(5.0, 5.0, 6.0)
                .seed(n).build();
        MetaImageWriter.write(file, phantom.ct());
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
        return state.user(username).orElseThrow(() -> new IllegalArgumentException(
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
        return state;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Makes a job end {@code Failed} now (admin control). */
    public void failJob(String jobPk) {
        jobRunner.fail(job(jobPk));
    }

    /** Keeps a job in {@code state} once it gets there; {@code null} releases it. */
    public void holdJob(String jobPk, JobStatus state) {
        job(jobPk).holdAt(state);
    }

    /**
     * Load-test seeding: registers a single-file {@code .mha} as an image (the file is moved into storage, its
     * header read, its voxels not), as the platform's importer would. Nobody sees it until a job uses it.
     *
     * @return the image pk
     */
    public String seedImage(Path mha, String name) throws IOException {
        Image image = images.addMha(mha, name, 0, null, null);
        return image.pk();
    }

    /**
     * Load-test seeding: adds {@code count} jobs of an algorithm straight to the state (no HTTP, no validation, no
     * runner), created one microsecond apart after every existing job, each with the same image {@code inputs} and
     * {@code outputs} (socket slug → image pk). Jobs left unfinished stay in {@code status} until
     * {@link #finishSeededJob} or {@link #failJob}. Seeding a million jobs takes seconds; the API then lists, filters
     * and serves them like any other job.
     *
     * @return the pks in creation order
     */
    public List<String> seedJobs(String username, String algorithmSlug, JobStatus status, int count,
            Map<String, String> inputs, Map<String, String> outputs) {
        User user = user(username);
        Algorithm algorithm = state.algorithmBySlug(algorithmSlug).orElseThrow(() -> new IllegalArgumentException(
                "No algorithm '" + algorithmSlug + "' in the emulator's fixture"));
        List<String> pks = new ArrayList<>(count);
        synchronized (seedLock) {
            Instant created = state.jobs().stream().map(Job::created).max(Comparator.naturalOrder())
                    .orElse(Instant.now()).plusMillis(1);
            for (int i = 0; i < count; i++) {
                Job job = new Job(EmulatorState.newUuid(), algorithm, algorithm.imagePk(), user.id(),
                        created.plusNanos(1000L * i));
                inputs.forEach((slug, imagePk) -> job.addInput(
                        state.newSocketValue(socket(slug), null, imagePk, null, null)));
                if (status == JobStatus.SUCCEEDED) {
                    outputs.forEach((slug, imagePk) -> job.addOutput(
                            state.newSocketValue(socket(slug), null, imagePk, null, null)));
                }
                job.status(status);
                state.addJob(job);
                pks.add(job.pk());
            }
        }
        return pks;
    }

    /** Ends a seeded, unfinished job {@code Succeeded} now, with {@code outputs} (socket slug → image pk). */
    public void finishSeededJob(String jobPk, Map<String, String> outputs) {
        Job job = job(jobPk);
        synchronized (job) {
            if (job.status().isTerminal()) {
                throw new IllegalStateException("Job " + jobPk + " already ended " + job.status().display());
            }
            outputs.forEach((slug, imagePk) -> job.addOutput(
                    state.newSocketValue(socket(slug), null, imagePk, null, null)));
            job.status(JobStatus.SUCCEEDED);
        }
    }

    private Socket socket(String slug) {
        return state.socket(slug).orElseThrow(() -> new IllegalArgumentException("No socket '" + slug
                + "' in the emulator's fixture"));
    }

    private Job job(String pk) {
        return state.job(pk).orElseThrow(() -> new IllegalArgumentException("No job " + pk + " in the emulator"));
    }

    public EmulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            server.close();
            jobRunner.close();
            background.shutdownNow();
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
        } catch (IOException e) {
            // Leftovers in a temp folder are harmless.
        }
    }
}
