package io.github.camelgc.grandchallenge;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.consumer.ArchiveItemConsumer;
import io.github.camelgc.grandchallenge.consumer.JobConsumer;
import io.github.camelgc.grandchallenge.producer.GrandChallengeProducer;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import io.github.camelgc.grandchallenge.outputs.FileNames;
import io.github.camelgc.grandchallenge.outputs.InputNames;
import org.apache.camel.util.URISupport;

/**
 * A Grand Challenge resource: {@code job}, {@code algorithm}, {@code archive} or {@code image}. Producers run the
 * operations of {@link GrandChallengeOperations}; consumers exist for {@code job} (one exchange per job that reached
 * a final status) and {@code archive} (one exchange per new archive item).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "grandchallenge", title = "Grand Challenge",
             syntax = "grandchallenge:kind", category = { Category.AI, Category.API },
             headersClass = GrandChallengeConstants.class)
public class GrandChallengeEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final long DEFAULT_DELAY = 30_000;
    static final int DEFAULT_BACKOFF_ERROR_THRESHOLD = 3;
    static final int DEFAULT_BACKOFF_MULTIPLIER = 10;

    @UriPath(enums = "job,algorithm,archive,image")
    @Metadata(required = true)
    private String kind;

    @UriParam
    private GrandChallengeConfiguration configuration;

    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> offsetRepository;

    @UriParam(label = "producer,advanced")
    private StateRepository<String, String> submissionRepository;

    // Scheduler options of ScheduledPollEndpoint with this component's defaults, declared again (as camel-mail does
    // for delay) so that the generated metadata states the defaults the endpoint applies; the overriding setters
    // keep ScheduledPollEndpoint's values in step.
    @UriParam(label = "consumer,scheduler", defaultValue = "30s", javaType = "java.time.Duration",
              description = "Time between polls (e.g. 30s or PT1M; a plain number is milliseconds). Camel's usual"
                            + " 500 ms would hammer the platform.")
    private long delay = DEFAULT_DELAY;

    @UriParam(label = "consumer,scheduler", defaultValue = "3",
              description = "After this many failed polls in a row, the consumer skips backoffMultiplier polls.")
    private int backoffErrorThreshold = DEFAULT_BACKOFF_ERROR_THRESHOLD;

    @UriParam(label = "consumer,scheduler", defaultValue = "10",
              description = "How many polls are skipped after backoffErrorThreshold failed (or backoffIdleThreshold"
                            + " idle) polls in a row: with the defaults, 5 minutes of quiet after 3 failures.")
    private int backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;

    private final GrandChallengeKind resourceKind;
    /** The key of the shared client this endpoint acquired; {@code null} when it uses an injected client. */
    private ClientSettings sharedSettings;
    private GrandChallengeClient client;
    private final AlgorithmLookup algorithms = new AlgorithmLookup(slug -> client().algorithm(slug),
            java.time.Clock.systemUTC());

    public GrandChallengeEndpoint(String uri, GrandChallengeComponent component, GrandChallengeKind kind,
                                  GrandChallengeConfiguration configuration) {
        super(uri, component);
        this.resourceKind = kind;
        this.kind = kind.toString();
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
        setBackoffErrorThreshold(DEFAULT_BACKOFF_ERROR_THRESHOLD);
        setBackoffMultiplier(DEFAULT_BACKOFF_MULTIPLIER);
    }

    @Override
    public GrandChallengeComponent getComponent() {
        return (GrandChallengeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new GrandChallengeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (resourceKind) {
            case JOB -> new JobConsumer(this, processor);
            case ARCHIVE -> new ArchiveItemConsumer(this, processor);
            default -> throw new IllegalArgumentException("grandchallenge:" + kind + " has no consumer; "
                                                          + "consumers exist for grandchallenge:job and grandchallenge:archive");
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        URI base = URI.create(Objects.requireNonNull(configuration.getBaseUrl(), "baseUrl"));
        if ("http".equalsIgnoreCase(base.getScheme()) && !configuration.isAllowInsecureHttp()) {
            throw new IllegalArgumentException("baseUrl " + base + " uses plain http, which would expose the token; "
                                               + "use https or set allowInsecureHttp=true");
        }
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an https:// URL, got " + base);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (sharedSettings != null) {
                getComponent().clients().release(sharedSettings);
                sharedSettings = null;
            }
            client = null;
        }
        super.doStop();
    }

    /**
     * The API client: the injected {@code client} option as it is, or else the one shared with the other endpoints
     * whose options give equal {@link ClientSettings} (its upload threads come from Camel's ExecutorServiceManager).
     */
    public synchronized GrandChallengeClient client() {
        if (client == null) {
            if (configuration.getClient() != null) {
                client = configuration.getClient();
            } else {
                ClientSettings settings = configuration.clientSettings(getCamelContext())
                        .withMetrics(getComponent().metrics());
                client = getComponent().clients().acquire(settings,
                        () -> new GrandChallengeClient(settings, getCamelContext()));
                sharedSettings = settings;
            }
        }
        return client;
    }

    /**
     * Where a consumer records what it emitted: the configured repository, or a file in the state directory (the
     * same file as earlier versions used, so an upgrade emits nothing twice).
     */
    public synchronized IdempotentRepository idempotentRepositoryFor(String kind, String followedSlug) {
        if (idempotentRepository != null) {
            org.apache.camel.support.service.ServiceHelper.startService(idempotentRepository);
            return idempotentRepository;
        }
        StateStoreFactory shared = getComponent().getStateStoreFactory();
        if (shared != null) {
            IdempotentRepository repository = shared.idempotentRepository(consumerKey(kind, followedSlug));
            org.apache.camel.support.service.ServiceHelper.startService(repository);
            return repository;
        }
        return getComponent().stateStores().idempotent(stateFolder(kind, followedSlug).resolve("emitted.dat"));
    }

    /** Where consumers save their positions: the configured repository, or a file in the state directory. */
    public synchronized StateRepository<String, String> offsetRepository() {
        return started(offsetRepository, "positions.json");
    }

    /** Where submissions in flight are marked: the configured repository, or a file in the state directory. */
    public synchronized StateRepository<String, String> submissionRepository() {
        return started(submissionRepository, "submissions.json");
    }

    private StateRepository<String, String> started(StateRepository<String, String> configured, String defaultFile) {
        StateStoreFactory shared = getComponent().getStateStoreFactory();
        if (configured == null && shared != null) {
            configured = shared.stateRepository(defaultFile.equals("positions.json")
                    ? StateStoreFactory.POSITIONS : StateStoreFactory.SUBMISSIONS);
        }
        if (configured != null) {
            org.apache.camel.support.service.ServiceHelper.startService(configured);
            return configured;
        }
        return getComponent().stateStores().state(Path.of(configuration.getStateDirectory()).resolve(defaultFile));
    }

    private Path stateFolder(String kind, String followedSlug) {
        return Path.of(configuration.getStateDirectory()).resolve(consumerKey(kind, followedSlug));
    }

    /** A consumer's name in its state: the name of its default state folder, also the key a shared factory gets. */
    private String consumerKey(String kind, String followedSlug) {
        return kind + "-" + FileNames.sanitize(followedSlug) + "-" + shortHash(configuration.getBaseUrl());
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The offset an earlier version saved for this consumer (a {@code state.properties} in its state folder), read
     * once when the default offset repository has no position yet, so an upgrade neither re-reads nor skips jobs.
     */
    public java.util.Optional<Long> legacyOffset(String kind, String followedSlug) {
        Path file = stateFolder(kind, followedSlug).resolve("state.properties");
        if (offsetRepository != null || !java.nio.file.Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        java.util.Properties legacy = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(file)) {
            legacy.load(in);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
        return "true".equals(legacy.getProperty("initialized"))
                ? java.util.Optional.of(Long.parseLong(legacy.getProperty("offset", "0"))) : java.util.Optional.empty();
    }

    /** This endpoint's algorithms by slug, looked up once and refreshed now and then. */
    public AlgorithmLookup algorithms() {
        return algorithms;
    }

    /** The input image names of jobs, remembered for the whole component. */
    public InputNames inputNames() {
        return getComponent().inputNames();
    }

    public GrandChallengeKind getResourceKind() {
        return resourceKind;
    }

    public String getKind() {
        return kind;
    }

    /**
     * The resource kind: job, algorithm, archive or image.
     */
    public void setKind(String kind) {
        this.kind = kind;
    }

    public GrandChallengeConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's configuration.
     */
    public void setConfiguration(GrandChallengeConfiguration configuration) {
        this.configuration = configuration;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Where consumers record what they emitted (exactly once across restarts). Defaults to a file repository in
     * stateDirectory; use a shared repository (e.g. JDBC) when several nodes poll.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public StateRepository<String, String> getOffsetRepository() {
        return offsetRepository;
    }

    /**
     * Where consumers save their position in the job list (the offset below which everything is handled, keyed by
     * platform and algorithm). Defaults to a file in stateDirectory; use a shared repository (e.g. JDBC) when several
     * nodes take turns polling.
     */
    public void setOffsetRepository(StateRepository<String, String> offsetRepository) {
        this.offsetRepository = offsetRepository;
    }

    public StateRepository<String, String> getSubmissionRepository() {
        return submissionRepository;
    }

    /**
     * Where the job producer marks a submission before posting it, keyed by the submission key, so that a job created
     * just before a crash or a lost answer is adopted instead of posted twice. Defaults to a file in stateDirectory;
     * use a shared repository (e.g. JDBC) when several nodes submit.
     */
    public void setSubmissionRepository(StateRepository<String, String> submissionRepository) {
        this.submissionRepository = submissionRepository;
    }

    /** Time between polls; keeps the metadata field in step. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    /** Failed polls in a row before polls are skipped; keeps the metadata field in step. */
    @Override
    public void setBackoffErrorThreshold(int backoffErrorThreshold) {
        super.setBackoffErrorThreshold(backoffErrorThreshold);
        this.backoffErrorThreshold = backoffErrorThreshold;
    }

    /** Polls skipped after too many failed or idle ones; keeps the metadata field in step. */
    @Override
    public void setBackoffMultiplier(int backoffMultiplier) {
        super.setBackoffMultiplier(backoffMultiplier);
        this.backoffMultiplier = backoffMultiplier;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    protected String createEndpointUri() {
        return "grandchallenge:" + kind;
    }

    @Override
    public String toString() {
        return "GrandChallengeEndpoint[" + URISupport.sanitizeUri(getEndpointUri()) + "]";
    }
}
