package io.github.camelgc.grandchallenge.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code grandchallenge} component as Spring Boot properties {@code camel.component.grandchallenge.*}:
 * every component option of the component's metadata ({@code grandchallenge.json}), with its description and default,
 * so IDEs complete and explain them ({@code META-INF/spring-configuration-metadata.json}). Times are
 * {@link java.time.Duration}s ({@code 30s}, {@code 1m}, {@code PT1M}); object options take bean references
 * ({@code #myBean}, see {@link GrandChallengeComponentConverter}). Options left unset keep the component's defaults.
 */
@ConfigurationProperties(prefix = "camel.component.grandchallenge")
public class GrandChallengeComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The algorithm slug (job and algorithm endpoints).
     */
    private String algorithm;

    /**
     * The archive slug (archive endpoints).
     */
    private String archive;

    /**
     * The API root of the Grand Challenge instance; must end with /api/v1/ (or at least '/').
     */
    private String baseUrl = "https://grand-challenge.org/api/v1/";

    /**
     * The component-level configuration: the defaults every endpoint starts from. The option is a
     * io.github.camelgc.grandchallenge.GrandChallengeConfiguration type.
     */
    private io.github.camelgc.grandchallenge.GrandChallengeConfiguration configuration;

    /**
     * Which image files to download: MHD (.mha or .mhd.raw), TIFF or DZI; a comma-separated list is an order of
     * preference (MHD,TIFF takes the TIFF files of an image that has no MHD file, e.g. a screenshot).
     */
    private String imageType = "MHD";

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Also emit jobs (or archive items) that were already final (or present) when the consumer first started.
     */
    private Boolean includeExisting = false;

    /**
     * A job still not final this long after the job consumer first saw it is emitted once with the header
     * CamelGrandChallengeJobTimedOut=true and then counts as handled: results it produces later are not emitted. The
     * option is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration jobTimeout = Duration.ofHours(24);

    /**
     * Folder for the consumer's persistent state: its poll start point and the default idempotent repository.
     */
    private String stateDirectory = "grandchallenge-state";

    /**
     * Comma-separated statuses the job consumer emits. Final ones (Succeeded, Failed, Cancelled) are emitted exactly
     * once per job; in-progress ones (e.g. Queued, Executing) once per job and status as the consumer sees them, as
     * progress notices that are kept in memory only.
     */
    private String statuses = "Succeeded";

    /**
     * Page size for list requests of the consumer (the platform caps it at 1000).
     */
    private Integer pageSize = 1000;

    /**
     * Give up resubmitting after 'too many active jobs' answers when this much time has passed (e.g. 1h). The option
     * is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration activeJobsMaxWait = Duration.ofHours(1);

    /**
     * When the platform answers 'too many active jobs', wait this long before resubmitting (e.g. 30s). The option is
     * a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration activeJobsRetryDelay = Duration.ofSeconds(30);

    /**
     * Once the platform refused a job because the account is out of credits for the algorithm, further submissions to
     * it fail at once with GrandChallengeOutOfCreditsException, before uploading, until this much time has passed;
     * then the next submission first checks, at no cost (no job, no upload), whether credits are back (e.g. 15m). The
     * option is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration creditsRecheckInterval = Duration.ofMinutes(15);

    /**
     * The input socket slug for a single-input body. When not set, it is chosen automatically if the algorithm's
     * interfaces leave only one candidate.
     */
    private String input;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The producer operation; defaults by kind: job=submit, algorithm=get, archive=listImages, image=get.
     */
    private io.github.camelgc.grandchallenge.GrandChallengeOperations operation;

    /**
     * When set, downloadOutputs and download write the files into this folder (atomically) and reply with the list
     * of written paths instead of stream messages.
     */
    private String outputDirectory;

    /**
     * Naming pattern for files written to outputDirectory. Placeholders: {job} (job id), {input} (first input image
     * name without extension, or the CamelGrandChallengeInputName header), {inputId} (first input image id),
     * {socket} (socket slug), {name} (the server's file name), {ext} (its extension with dot); '/' makes sub
     * folders. Every value is sanitised; nothing can escape outputDirectory. The CamelGrandChallengeOutputFileName
     * header overrides it (and socketFileName.) for one exchange.
     */
    private String outputFileName = "{job}/{socket}{ext}";

    /**
     * Naming patterns for the outputs of particular sockets, as socketFileName.SLUG=PATTERN (same placeholders as
     * outputFileName), e.g. socketFileName.pulmonary-lobes-screenshot=screenshots/{input}{ext}. This is a
     * multi-value option with prefix: socketFileName.
     */
    private java.util.Map<String, Object> socketFileNames;

    /**
     * Make submit wait until the job is final and reply with the finished job; Failed or Cancelled raise
     * GrandChallengeJobFailedException.
     */
    private Boolean waitForCompletion = false;

    /**
     * Interval between job status polls while waiting (e.g. 5s). The option is a java.time.Duration (e.g. 30s,
     * 1m30s, PT1M, or plain milliseconds).
     */
    private Duration waitPollInterval = Duration.ofSeconds(5);

    /**
     * How long submit (with waitForCompletion) and the wait operation wait for a final status (e.g. 1h). The option
     * is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration waitTimeout = Duration.ofHours(1);

    /**
     * The most bytes one downloaded output or image file may have (default 64 GiB). A larger Content-Length is
     * refused before anything is read, and a body that keeps going past the limit is cut off; either way nothing
     * appears under the final file name. A body shorter than its Content-Length is an error as well.
     */
    private Long maxDownloadSize = 68719476736L;

    /**
     * Parts uploaded in parallel (also the bound on part buffers in flight).
     */
    private Integer uploadConcurrency = 4;

    /**
     * S3 multipart part size in bytes (at least 5 MiB).
     */
    private Long uploadPartSize = 33554432L;

    /**
     * Told when an upload starts and after every part the storage accepted (file name, bytes uploaded, total bytes),
     * e.g. to show the progress of large scans. Called from the upload threads: it must be thread-safe and quick.
     * The option is a io.github.camelgc.grandchallenge.client.upload.UploadProgressListener type.
     */
    private io.github.camelgc.grandchallenge.client.upload.UploadProgressListener uploadProgressListener;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * A client to use instead of one built from these options (e.g. client=#myClient). The endpoint uses it as it is
     * and never closes it; the connection options here are then ignored. The option is a
     * io.github.camelgc.grandchallenge.client.GrandChallengeClient type.
     */
    private io.github.camelgc.grandchallenge.client.GrandChallengeClient client;

    /**
     * Timeout of establishing a connection: TCP connect and TLS handshake each (e.g. 30s; a plain number is
     * milliseconds). The option is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration connectTimeout = Duration.ofSeconds(30);

    /**
     * Adjusts the HttpClient the component builds, applied last (e.g. to add interceptors for metrics or tracing).
     * The option is a io.github.camelgc.grandchallenge.client.HttpClientConfigurer type.
     */
    private io.github.camelgc.grandchallenge.client.HttpClientConfigurer httpClientConfigurer;

    /**
     * Retries of one request after 408/429/502/503/504/507 answers (POSTs: 429/503 only) or a broken exchange
     * (idempotent requests only); a refused connection is tried at most 3 times, an unknown host or a TLS failure
     * never again.
     */
    private Integer maxRetries = 8;

    /**
     * How long a response (or the next part of its body) may take to arrive (e.g. 60s; a plain number is
     * milliseconds). The option is a java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration responseTimeout = Duration.ofSeconds(60);

    /**
     * No retry of a request starts later than this after its first attempt (e.g. 2m). The option is a
     * java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration retryDeadline = Duration.ofMinutes(2);

    /**
     * First delay before retrying a request; it doubles on every retry (e.g. 200ms). The option is a
     * java.time.Duration (e.g. 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration retryInitialDelay = Duration.ofMillis(200);

    /**
     * Cap for any retry delay, including a server's Retry-After (e.g. 30s). The option is a java.time.Duration (e.g.
     * 30s, 1m30s, PT1M, or plain milliseconds).
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);

    /**
     * Where endpoints keep consumer positions, submission marks and what consumers emitted when they name no
     * repository of their own (e.g. a database shared by several nodes). Default: files in each endpoint's
     * stateDirectory. The option is a io.github.camelgc.grandchallenge.state.StateStoreFactory type.
     */
    private io.github.camelgc.grandchallenge.state.StateStoreFactory stateStoreFactory;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host for all requests.
     */
    private String proxyHost;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort = 3128;

    /**
     * Allow a plain http:// baseUrl. Off by default because the token would travel in clear text.
     */
    private Boolean allowInsecureHttp = false;

    /**
     * TLS settings (trust store, key store) for the API and storage connections. Takes precedence over
     * trustCertificates and the global SSL context parameters; the JVM default when none is set. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * The personal API token. Falls back to the GRAND_CHALLENGE_AUTHORIZATION environment variable when not set.
     * Never logged.
     */
    private String token;

    /**
     * Trust exactly these PEM certificates (e.g. a private CA or the emulator's certificate) instead of the JVM's
     * trust store: one or more resource URIs separated by commas, e.g. file:ca.pem or classpath:ca.pem (classpath
     * when no scheme is given); each file may hold several certificates. Host names are still verified. Ignored when
     * sslContextParameters is set; takes precedence over useGlobalSslContextParameters.
     */
    private String trustCertificates;

    /**
     * Use the global SSL context parameters of the Camel context (the camel.ssl options of Camel Main and Spring
     * Boot) when neither sslContextParameters nor trustCertificates is set.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public String getArchive() {
        return archive;
    }

    public void setArchive(String archive) {
        this.archive = archive;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public io.github.camelgc.grandchallenge.GrandChallengeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelgc.grandchallenge.GrandChallengeConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getImageType() {
        return imageType;
    }

    public void setImageType(String imageType) {
        this.imageType = imageType;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getIncludeExisting() {
        return includeExisting;
    }

    public void setIncludeExisting(Boolean includeExisting) {
        this.includeExisting = includeExisting;
    }

    public Duration getJobTimeout() {
        return jobTimeout;
    }

    public void setJobTimeout(Duration jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public String getStatuses() {
        return statuses;
    }

    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Duration getActiveJobsMaxWait() {
        return activeJobsMaxWait;
    }

    public void setActiveJobsMaxWait(Duration activeJobsMaxWait) {
        this.activeJobsMaxWait = activeJobsMaxWait;
    }

    public Duration getActiveJobsRetryDelay() {
        return activeJobsRetryDelay;
    }

    public void setActiveJobsRetryDelay(Duration activeJobsRetryDelay) {
        this.activeJobsRetryDelay = activeJobsRetryDelay;
    }

    public Duration getCreditsRecheckInterval() {
        return creditsRecheckInterval;
    }

    public void setCreditsRecheckInterval(Duration creditsRecheckInterval) {
        this.creditsRecheckInterval = creditsRecheckInterval;
    }

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public io.github.camelgc.grandchallenge.GrandChallengeOperations getOperation() {
        return operation;
    }

    public void setOperation(io.github.camelgc.grandchallenge.GrandChallengeOperations operation) {
        this.operation = operation;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputFileName() {
        return outputFileName;
    }

    public void setOutputFileName(String outputFileName) {
        this.outputFileName = outputFileName;
    }

    public java.util.Map<String, Object> getSocketFileNames() {
        return socketFileNames;
    }

    public void setSocketFileNames(java.util.Map<String, Object> socketFileNames) {
        this.socketFileNames = socketFileNames;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getWaitPollInterval() {
        return waitPollInterval;
    }

    public void setWaitPollInterval(Duration waitPollInterval) {
        this.waitPollInterval = waitPollInterval;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Long getMaxDownloadSize() {
        return maxDownloadSize;
    }

    public void setMaxDownloadSize(Long maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public Integer getUploadConcurrency() {
        return uploadConcurrency;
    }

    public void setUploadConcurrency(Integer uploadConcurrency) {
        this.uploadConcurrency = uploadConcurrency;
    }

    public Long getUploadPartSize() {
        return uploadPartSize;
    }

    public void setUploadPartSize(Long uploadPartSize) {
        this.uploadPartSize = uploadPartSize;
    }

    public io.github.camelgc.grandchallenge.client.upload.UploadProgressListener getUploadProgressListener() {
        return uploadProgressListener;
    }

    public void setUploadProgressListener(io.github.camelgc.grandchallenge.client.upload.UploadProgressListener uploadProgressListener) {
        this.uploadProgressListener = uploadProgressListener;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public io.github.camelgc.grandchallenge.client.GrandChallengeClient getClient() {
        return client;
    }

    public void setClient(io.github.camelgc.grandchallenge.client.GrandChallengeClient client) {
        this.client = client;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public io.github.camelgc.grandchallenge.client.HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(io.github.camelgc.grandchallenge.client.HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getRetryDeadline() {
        return retryDeadline;
    }

    public void setRetryDeadline(Duration retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public io.github.camelgc.grandchallenge.state.StateStoreFactory getStateStoreFactory() {
        return stateStoreFactory;
    }

    public void setStateStoreFactory(io.github.camelgc.grandchallenge.state.StateStoreFactory stateStoreFactory) {
        this.stateStoreFactory = stateStoreFactory;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getTrustCertificates() {
        return trustCertificates;
    }

    public void setTrustCertificates(String trustCertificates) {
        this.trustCertificates = trustCertificates;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
