package io.github.camelgc.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.github.camelgc.app.cluster.Leadership;
import io.github.camelgc.app.dropfolder.CaseFolders;
import io.github.camelgc.app.dropfolder.DropFolder;
import io.github.camelgc.app.dropfolder.ImageFileCheck;
import io.github.camelgc.app.dropfolder.InboxEntries;
import io.github.camelgc.app.dropfolder.JobInputs;
import io.github.camelgc.app.dropfolder.OpenJobChecks;
import io.github.camelgc.app.dropfolder.PollProblems;
import io.github.camelgc.app.dropfolder.RetryBackoff;
import io.github.camelgc.app.dropfolder.UploadProgress;
import io.github.camelgc.app.ops.OpsEndpoint;
import io.github.camelgc.app.ops.OpsSettings;
import io.github.camelgc.app.platform.Platform;
import io.github.camelgc.app.state.DatabaseSettings;
import io.github.camelgc.app.state.InboxClaims;
import io.github.camelgc.app.state.ServiceState;
import io.github.camelgc.app.workflows.LungMasks;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The drop-folder service: Camel Main with the YAML routes, the {@code grandchallenge} component pointed at the
 * platform, and the beans the routes use. {@link #start} returns once the routes run; {@link #close} stops them
 * gracefully (in-flight submissions finish first).
 */
public final class GrandChallengeService implements AutoCloseable {

    /** The sockets of the registration algorithm, one file {@code <socket>.mha} each in a case folder. */
    static final List<String> REGISTRATION_SOCKETS = List.of("fixed-image", "moving-image", "fixed-mask",
            "moving-mask");

    private final Main main;
    private final WorkFolders folders;
    private final ServiceState state;
    private final OpsEndpoint ops;

    private GrandChallengeService(Main main, WorkFolders folders, ServiceState state, OpsEndpoint ops) {
        this.main = main;
        this.folders = folders;
        this.state = state;
        this.ops = ops;
    }

    /**
     * Creates the work folders and starts the routes against the platform, with the database the settings name
     * ({@link DatabaseSettings#resolve}: the embedded one of the work folder unless {@code grandchallenge.database.url}
     * is set).
     */
    public static GrandChallengeService start(AppSettings settings, Platform platform, Tuning tuning)
            throws Exception {
        return start(settings, platform, tuning, DatabaseSettings.resolve(System.getenv(), settings.workDir()));
    }

    /** Creates the work folders and starts the routes against the platform, the state in {@code database}. */
    public static GrandChallengeService start(AppSettings settings, Platform platform, Tuning tuning,
            DatabaseSettings database) throws Exception {
        WorkFolders folders = new WorkFolders(settings.workDir()).create();
        Main main = new Main(GrandChallengeService.class);
        main.configure().withRoutesIncludePattern(routesPattern(settings));
        main.addOverrideProperty(AppSettings.WORK_DIR_PROPERTY, folders.root().toString());
        main.addOverrideProperty("grandchallenge.jobPollDelay", Long.toString(tuning.jobPoll().toMillis()));
        main.addOverrideProperty("grandchallenge.archivePollDelay", Long.toString(tuning.archivePoll().toMillis()));
        main.addOverrideProperty("grandchallenge.openJobsCheck", Long.toString(tuning.openJobsCheck().toMillis()));
        if (settings.readyMarker()) {
            // camel-file's done files: a file is taken once <name>.ready exists (the drop folder uses it up)
            main.addOverrideProperty("grandchallenge.inbox.doneFileName", "${file:name}" + DropFolder.READY_SUFFIX);
        }

        Path platformState = folders.platformState(platform.baseUrl());
        ServiceState state = ServiceState.open(database, folders, platformState.getFileName().toString(),
                InboxClaims.configuredTimeout(System.getenv()));
        GrandChallengeComponent component = component(platform, platformState, tuning);
        component.setStateStoreFactory(state.componentStores());
        main.bind("grandchallenge", component);
        JobInputs jobInputs = new JobInputs(state.jobInputs(), folders.root());
        jobInputs.importLegacy(platformState.resolve("jobs.properties"));
        // a failed try pauses the input: first for one poll interval, then doubling up to eight
        RetryBackoff backoff = new RetryBackoff(tuning.jobPoll(), tuning.jobPoll().multipliedBy(8), Clock.systemUTC());
        DropFolder dropFolder = new DropFolder(jobInputs, backoff, tuning.jobTimeout());
        // inputs waiting for credits go as soon as the component finds credits again, whichever route found them
        component.outOfCredits().addListener(backoff.creditsWait());
        main.bind("dropFolder", dropFolder);
        main.bind("retryBackoff", backoff);
        main.bind("pollProblems", new PollProblems());
        main.bind("imageCheck", new ImageFileCheck(tuning.caseGrace()));
        main.bind("lungMasks", new LungMasks(backoff));
        main.bind("caseFolders", new CaseFolders(folders.inbox(WorkFolders.REGISTRATION), REGISTRATION_SOCKETS,
                tuning.caseSettle(), tuning.caseGrace(), dropFolder, Clock.systemUTC())
                .withReadyMarkers(settings.readyMarker()));
        // every inbox entry gets a fate, also what the inboxes' consumers never take; each open job is looked up
        main.bind("inboxEntries", new InboxEntries(List.of(
                new InboxEntries.Inbox(folders.inbox(WorkFolders.LOBES), false),
                new InboxEntries.Inbox(folders.inbox(WorkFolders.REGISTRATION), true)),
                tuning.caseSettle(), tuning.caseGrace(), settings.readyMarker(), dropFolder, Clock.systemUTC()));
        main.bind("openJobChecks", new OpenJobChecks(dropFolder, tuning.openJobsCheck(), Clock.systemUTC()));
        // inbox claims, lung masks written, old rows pruned; the pollers on one node at a time
        state.bindInto(main);
        Leadership.install(main, folders.state().resolve("cluster"));
        // metrics and health over HTTP; the registry is bound first so the component records into it
        OpsEndpoint ops = new OpsEndpoint(OpsSettings.resolve(System.getenv()));
        main.bind("meterRegistry", ops.registry());
        try {
            main.start();
            ops.start(main.getCamelContext());
        } catch (Exception e) {
            ops.close();
            state.close();
            throw e;
        }
        return new GrandChallengeService(main, folders, state, ops);
    }

    private static GrandChallengeComponent component(Platform platform, Path platformState, Tuning tuning) {
        GrandChallengeComponent component = new GrandChallengeComponent();
        GrandChallengeConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(platform.baseUrl());
        configuration.setToken(platform.token());
        configuration.setUploadProgressListener(new UploadProgress());
        platform.trust().ifPresent(configuration::setSslContextParameters);
        configuration.setStateDirectory(platformState.resolve("consumers").toString());
        configuration.setActiveJobsRetryDelay(tuning.activeJobsRetry().toMillis());
        configuration.setCreditsRecheckInterval(tuning.creditsRecheck().toMillis());
        configuration.setJobTimeout(tuning.jobTimeout().toMillis());
        return component;
    }


    private static String routesPattern(AppSettings settings) {
        return settings.routesDir()
                .map(dir -> "file:" + dir.toString().replace('\\', '/') + "/*.camel.yaml")
                .orElse("classpath:routes/*.camel.yaml");
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public WorkFolders folders() {
        return folders;
    }

    public Path workDir() {
        return folders.root();
    }

    /** Where metrics ({@code metrics}) and health ({@code health/live}, {@code health/ready}) are served, if on. */
    public java.util.Optional<java.net.URI> opsUrl() {
        return ops.url();
    }

    @Override
    public void close() throws Exception {
        main.stop();
        ops.close();
        state.close();
    }
}
