package io.github.camelgc.grandchallenge;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.consumer.ArchiveItemConsumer;
import io.github.camelgc.grandchallenge.consumer.ConsumerState;
import io.github.camelgc.grandchallenge.consumer.JobConsumer;
import io.github.camelgc.grandchallenge.producer.GrandChallengeProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
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
    private boolean ownsRepository;

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
        if (ownsRepository) {
            ServiceHelper.stopService(idempotentRepository);
            idempotentRepository = null;
            ownsRepository = false;
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
                ClientSettings settings = configuration.clientSettings();
                client = getComponent().clients().acquire(settings,
                        () -> new GrandChallengeClient(settings, getCamelContext()));
                sharedSettings = settings;
            }
        }
        return client;
    }

    /**
     * The consumer's idempotent repository: the configured one, or a file repository in the state directory so that
     * "already emitted" survives restarts.
     */
    public synchronized IdempotentRepository idempotentRepositoryFor(ConsumerState state) throws Exception {
        if (idempotentRepository == null) {
            Path file = state.file("emitted.dat");
            idempotentRepository = FileIdempotentRepository.fileIdempotentRepository(file.toFile(), 100_000,
                    64L * 1024 * 1024);
            ownsRepository = true;
        }
        ServiceHelper.startService(idempotentRepository);
        return idempotentRepository;
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
