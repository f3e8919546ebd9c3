package io.github.camelgc.emulator.backend;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.archives.ArchiveItems;
import io.github.camelgc.emulator.fixture.ArchiveCases;
import io.github.camelgc.emulator.fixture.Fixture;
import io.github.camelgc.emulator.fixture.FixtureLoader;
import io.github.camelgc.emulator.images.ImageImporter;
import io.github.camelgc.emulator.images.ImageStore;
import io.github.camelgc.emulator.images.UploadSessions;
import io.github.camelgc.emulator.jobs.BuiltInAlgorithms;
import io.github.camelgc.emulator.jobs.Credits;
import io.github.camelgc.emulator.jobs.JobFactory;
import io.github.camelgc.emulator.jobs.JobRunner;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.emulator.storage.UrlSigner;
import io.github.camelgc.emulator.uploads.Uploads;
import io.github.camelgc.emulator.values.InputParser;
import io.github.camelgc.emulator.values.LinkedImports;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The emulated platform without its HTTP front: the state loaded from the fixture and one service per resource,
 * which own the behaviour (request handlers only parse, call them and render, as in moto).
 */
public final class Backend implements AutoCloseable {

    private final EmulatorConfig config;
    private final PlatformClock clock;
    private final EmulatorState state = new EmulatorState();
    private final BlobStore blobs;
    private final UrlSigner signer;
    private final Visibility visibility;
    private final ImageStore images;
    private final Uploads uploads;
    private final UploadSessions sessions;
    private final InputParser inputs;
    private final JobRunner runner;
    private final Credits credits;
    private final JobFactory jobs;
    private final ArchiveItems archiveItems;
    private final Seeding seeding;
    private final ExecutorService background;

    public Backend(EmulatorConfig config, Path storageRoot) throws IOException {
        this.config = config;
        this.clock = new PlatformClock(config.clock() == null ? Clock.systemUTC() : config.clock());
        Fixture fixture = config.fixture() == null ? FixtureLoader.readDefault() : FixtureLoader.read(config.fixture());
        FixtureLoader.apply(fixture, state);
        blobs = new BlobStore(storageRoot);
        signer = new UrlSigner(clock);
        visibility = new Visibility(state);
        images = new ImageStore(state, blobs);
        uploads = new Uploads(state, blobs, signer, clock, config::uploadQuotaBytes);
        sessions = new UploadSessions(state, new ImageImporter(images, blobs), uploads, clock);
        LinkedImports imports = new LinkedImports(state, sessions, uploads, blobs);
        inputs = new InputParser(state, visibility);
        runner = new JobRunner(config.jobWorkers(), config.jobStepDelay(), BuiltInAlgorithms.defaults(), imports,
                state, images, blobs);
        credits = new Credits(state, clock, config.creditsPerMonth());
        FixtureLoader.applyCredits(fixture, state, credits);
        config.userCredits().forEach(credits::setMonthlyCredits);
        jobs = new JobFactory(state, credits, sessions, runner, config.maxActiveJobsPerUser(), clock);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gc-emulator-imports");
            t.setDaemon(true);
            return t;
        });
        archiveItems = new ArchiveItems(state, sessions, imports, background);
        seeding = new Seeding(state, images, clock);
        new ArchiveCases(state, images, Backend::writePhantomCase).add(fixture, config.phantomCases(), storageRoot);
    }

    /** Case {@code n} of the default archive: a small chest phantom (fast to start), distinct per case. */
    private static void writePhantomCase(Path file, int n) throws IOException {
        ChestPhantom phantom = ChestPhantom.builder().size(64, 64, 48 + 2 * (n % 3)).spacing(5.0, 5.0, 6.0)
                .seed(n).build();
        MetaImageWriter.write(file, phantom.ct());
    }

    public EmulatorConfig config() {
        return config;
    }

    public PlatformClock clock() {
        return clock;
    }

    public EmulatorState state() {
        return state;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public UrlSigner signer() {
        return signer;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Uploads uploads() {
        return uploads;
    }

    public UploadSessions sessions() {
        return sessions;
    }

    public InputParser inputs() {
        return inputs;
    }

    public Credits credits() {
        return credits;
    }

    public JobFactory jobs() {
        return jobs;
    }

    public JobRunner runner() {
        return runner;
    }

    public ArchiveItems archiveItems() {
        return archiveItems;
    }

    public Seeding seeding() {
        return seeding;
    }

    /** Makes a job end {@code Failed} now (admin control). */
    public void failJob(String jobPk) {
        runner.fail(job(jobPk));
    }

    /** Keeps a job in {@code status} once it gets there; {@code null} releases it. */
    public void holdJob(String jobPk, JobStatus status) {
        job(jobPk).holdAt(status);
    }

    private Job job(String pk) {
        return state.job(pk).orElseThrow(() -> new IllegalArgumentException("No job " + pk + " in the emulator"));
    }

    @Override
    public void close() {
        runner.close();
        background.shutdownNow();
        try {
            // an import still running would write into the storage the emulator is about to delete
            background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
