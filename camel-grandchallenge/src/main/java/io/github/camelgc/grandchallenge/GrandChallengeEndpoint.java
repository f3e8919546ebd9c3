package io.github.camelgc.grandchallenge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.RetryPolicy;
import io.github.camelgc.grandchallenge.consumer.ArchiveItemConsumer;
import io.github.camelgc.grandchallenge.consumer.ConsumerState;
import io.github.camelgc.grandchallenge.consumer.JobConsumer;
import io.github.camelgc.grandchallenge.producer.GrandChallengeProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
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

    @UriPath(enums = "job,algorithm,archive,image")
    @Metadata(required = true)
    private String kind;

    @UriParam
    private GrandChallengeConfiguration configuration;

    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;

    private final GrandChallengeKind resourceKind;
    private ClientKey clientKey;
    private GrandChallengeClient client;
    private boolean ownsRepository;

    public GrandChallengeEndpoint(String uri, GrandChallengeComponent component, GrandChallengeKind kind,
                                  GrandChallengeConfiguration configuration) {
        super(uri, component);
        this.resourceKind = kind;
        this.kind = kind.toString();
        this.configuration = configuration;
        // Polling the platform every 500 ms (Camel's default) would be abusive; 30 s unless configured.
        setDelay(30_000);
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
            if (client != null) {
                getComponent().clients().release(clientKey);
                client = null;
            }
        }
        if (ownsRepository) {
            ServiceHelper.stopService(idempotentRepository);
            idempotentRepository = null;
            ownsRepository = false;
        }
        super.doStop();
    }

    /** The API client, shared with other endpoints that have the same connection settings. */
    public synchronized GrandChallengeClient client() {
        if (client == null) {
            clientKey = ClientKey.of(configuration);
            client = getComponent().clients().acquire(clientKey, () -> new GrandChallengeClient(clientSettings()));
        }
        return client;
    }

    private ClientSettings clientSettings() {
        SSLContext sslContext = null;
        SSLContextParameters ssl = configuration.getSslContextParameters();
        if (ssl != null) {
            try {
                sslContext = ssl.createSSLContext(getCamelContext());
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot create the SSL context from sslContextParameters", e);
            }
        }
        return new ClientSettings(URI.create(configuration.getBaseUrl()),
                ApiToken.fromConfigurationOrEnvironment(configuration.getToken()), sslContext,
                configuration.getProxyHost(), configuration.getProxyPort(),
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getResponseTimeout()),
                new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                        Duration.ofMillis(configuration.getRetryMaxDelay()),
                        Duration.ofMillis(configuration.getRetryDeadline())),
                configuration.getUploadPartSize(), configuration.getUploadConcurrency(),
                configuration.getMaxDownloadSize());
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

    /** The connection-relevant options; equal keys share one client. */
    record ClientKey(String baseUrl, String token, Object ssl, String proxyHost, int proxyPort, long connectTimeout,
                     long responseTimeout, List<Long> retry, long partSize, int concurrency, long maxDownloadSize) {
        static ClientKey of(GrandChallengeConfiguration c) {
            return new ClientKey(c.getBaseUrl(), c.getToken(),
                    c.getSslContextParameters() == null ? null : new Identity(c.getSslContextParameters()),
                    c.getProxyHost(), c.getProxyPort(), c.getConnectTimeout(), c.getResponseTimeout(),
                    List.of((long) c.getMaxRetries(), c.getRetryInitialDelay(), c.getRetryMaxDelay(), c.getRetryDeadline()),
                    c.getUploadPartSize(), c.getUploadConcurrency(), c.getMaxDownloadSize());
        }

        @Override
        public String toString() {
            return "ClientKey[" + baseUrl + "]";
        }
    }

    /** Compares by identity: SSLContextParameters has no value equality. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
