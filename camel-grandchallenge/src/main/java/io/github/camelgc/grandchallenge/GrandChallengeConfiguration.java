package io.github.camelgc.grandchallenge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.HttpClientConfigurer;
import io.github.camelgc.grandchallenge.client.RetryLimits;
import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options shared by the component (defaults) and its endpoints (overrides). Each endpoint gets a {@link #copy()} of
 * the component's configuration before its own URI parameters are applied.
 */
@UriParams
public class GrandChallengeConfiguration implements Cloneable {

    @UriParam(label = "common", defaultValue = "https://grand-challenge.org/api/v1/")
    private String baseUrl = "https://grand-challenge.org/api/v1/";

    @UriParam(label = "security", secret = true)
    private String token;

    @UriParam(label = "security")
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    @UriParam(label = "security")
    private String trustCertificates;

    @UriParam(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters = false;

    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp = false;

    @UriParam(label = "proxy")
    private String proxyHost;

    @UriParam(label = "proxy", defaultValue = "3128")
    private int proxyPort = 3128;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long connectTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    private long responseTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "8")
    private int maxRetries = 8;

    @UriParam(label = "advanced", defaultValue = "200ms", javaType = "java.time.Duration")
    private long retryInitialDelay = 200;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration")
    private long retryDeadline = 120_000;

    @UriParam(label = "advanced")
    private GrandChallengeClient client;

    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "producer,advanced", defaultValue = "33554432")
    private long uploadPartSize = 33554432;

    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int uploadConcurrency = 4;

    @UriParam(label = "producer,advanced")
    private UploadProgressListener uploadProgressListener;

    @UriParam(label = "producer,advanced", defaultValue = "68719476736")
    private long maxDownloadSize = 68719476736L;

    @UriParam(label = "producer")
    private GrandChallengeOperations operation;

    @UriParam(label = "common")
    private String algorithm;

    @UriParam(label = "common")
    private String archive;

    @UriParam(label = "producer")
    private String input;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean waitForCompletion = false;

    @UriParam(label = "producer", defaultValue = "1h", javaType = "java.time.Duration")
    private long waitTimeout = 3_600_000;

    @UriParam(label = "producer", defaultValue = "5s", javaType = "java.time.Duration")
    private long waitPollInterval = 5_000;

    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration")
    private long activeJobsRetryDelay = 30_000;

    @UriParam(label = "producer", defaultValue = "1h", javaType = "java.time.Duration")
    private long activeJobsMaxWait = 3_600_000;

    @UriParam(label = "producer", defaultValue = "15m", javaType = "java.time.Duration")
    private long creditsRecheckInterval = 15 * 60_000;

    @UriParam(label = "common", defaultValue = "MHD")
    private String imageType = "MHD";

    @UriParam(label = "producer")
    private String outputDirectory;

    @UriParam(label = "producer", defaultValue = "{job}/{socket}{ext}")
    private String outputFileName = "{job}/{socket}{ext}";

    @UriParam(label = "producer", prefix = "socketFileName.", multiValue = true)
    private java.util.Map<String, Object> socketFileNames = new java.util.LinkedHashMap<>();

    @UriParam(label = "consumer", defaultValue = "Succeeded")
    private String statuses = "Succeeded";

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean includeExisting = false;

    @UriParam(label = "consumer", defaultValue = "grandchallenge-state")
    private String stateDirectory = "grandchallenge-state";

    @UriParam(label = "consumer,advanced", defaultValue = "1000")
    private int pageSize = 1000;

    @UriParam(label = "consumer", defaultValue = "24h", javaType = "java.time.Duration")
    private long jobTimeout = 24L * 60 * 60 * 1000;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The API root of the Grand Challenge instance; must end with /api/v1/ (or at least '/').
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getToken() {
        return token;
    }

    /**
     * The personal API token. Falls back to the GRAND_CHALLENGE_AUTHORIZATION environment variable when not set. Never logged.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store) for the API and storage connections. Takes precedence over
     * trustCertificates and the global SSL context parameters; the JVM default when none is set.
     */
    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTrustCertificates() {
        return trustCertificates;
    }

    /**
     * Trust exactly these PEM certificates (e.g. a private CA or the emulator's certificate) instead of the JVM's trust
     * store: one or more resource URIs separated by commas, e.g. file:ca.pem or classpath:ca.pem (classpath when no
     * scheme is given); each file may hold several certificates. Host names are still verified. Ignored when
     * sslContextParameters is set; takes precedence over useGlobalSslContextParameters.
     */
    public void setTrustCertificates(String trustCertificates) {
        this.trustCertificates = trustCertificates;
    }

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the global SSL context parameters of the Camel context (the camel.ssl options of Camel Main and Spring
     * Boot) when neither sslContextParameters nor trustCertificates is set.
     */
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Allow a plain http:// baseUrl. Off by default because the token would travel in clear text.
     */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host for all requests.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port.
     */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Timeout of establishing a connection: TCP connect and TLS handshake each (e.g. 30s; a plain number is
     * milliseconds).
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long a response (or the next part of its body) may take to arrive (e.g. 60s; a plain number is
     * milliseconds).
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries of one request after 408/429/502/503/504/507 answers (POSTs: 429/503 only) or a broken exchange
     * (idempotent requests only); a refused connection is tried at most 3 times, an unknown host or a TLS failure
     * never again.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * First delay before retrying a request; it doubles on every retry (e.g. 200ms).
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * Cap for any retry delay, including a server's Retry-After (e.g. 30s).
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryDeadline() {
        return retryDeadline;
    }

    /**
     * No retry of a request starts later than this after its first attempt (e.g. 2m).
     */
    public void setRetryDeadline(long retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    public long getUploadPartSize() {
        return uploadPartSize;
    }

    /**
     * S3 multipart part size in bytes (at least 5 MiB).
     */
    public void setUploadPartSize(long uploadPartSize) {
        this.uploadPartSize = uploadPartSize;
    }

    public int getUploadConcurrency() {
        return uploadConcurrency;
    }

    /**
     * Parts uploaded in parallel (also the bound on part buffers in flight).
     */
    public void setUploadConcurrency(int uploadConcurrency) {
        this.uploadConcurrency = uploadConcurrency;
    }

    public UploadProgressListener getUploadProgressListener() {
        return uploadProgressListener;
    }

    /**
     * Told when an upload starts and after every part the storage accepted (file name, bytes uploaded, total bytes),
     * e.g. to show the progress of large scans. Called from the upload threads: it must be thread-safe and quick.
     */
    public void setUploadProgressListener(UploadProgressListener uploadProgressListener) {
        this.uploadProgressListener = uploadProgressListener;
    }

    public GrandChallengeOperations getOperation() {
        return operation;
    }

    /**
     * The producer operation; defaults by kind: job=submit, algorithm=get, archive=listImages, image=get.
     */
    public void setOperation(GrandChallengeOperations operation) {
        this.operation = operation;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    /**
     * The algorithm slug (job and algorithm endpoints).
     */
    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public String getArchive() {
        return archive;
    }

    /**
     * The archive slug (archive endpoints).
     */
    public void setArchive(String archive) {
        this.archive = archive;
    }

    public String getInput() {
        return input;
    }

    /**
     * The input socket slug for a single-input body. When not set, it is chosen automatically if the algorithm's interfaces leave only one candidate.
     */
    public void setInput(String input) {
        this.input = input;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /**
     * Make submit wait until the job is final and reply with the finished job; Failed or Cancelled raise GrandChallengeJobFailedException.
     */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    /**
     * How long submit (with waitForCompletion) and the wait operation wait for a final status (e.g. 1h).
     */
    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public long getWaitPollInterval() {
        return waitPollInterval;
    }

    /**
     * Interval between job status polls while waiting (e.g. 5s).
     */
    public void setWaitPollInterval(long waitPollInterval) {
        this.waitPollInterval = waitPollInterval;
    }

    public long getActiveJobsRetryDelay() {
        return activeJobsRetryDelay;
    }

    /**
     * When the platform answers 'too many active jobs', wait this long before resubmitting (e.g. 30s).
     */
    public void setActiveJobsRetryDelay(long activeJobsRetryDelay) {
        this.activeJobsRetryDelay = activeJobsRetryDelay;
    }

    public long getActiveJobsMaxWait() {
        return activeJobsMaxWait;
    }

    /**
     * Give up resubmitting after 'too many active jobs' answers when this much time has passed (e.g. 1h).
     */
    public void setActiveJobsMaxWait(long activeJobsMaxWait) {
        this.activeJobsMaxWait = activeJobsMaxWait;
    }

    public long getCreditsRecheckInterval() {
        return creditsRecheckInterval;
    }

    /**
     * Once the platform refused a job because the account is out of credits for the algorithm, further submissions
     * to it fail at once with GrandChallengeOutOfCreditsException, before uploading, until this much time has passed;
     * then the next submission first checks, at no cost (no job, no upload), whether credits are back (e.g. 15m).
     */
    public void setCreditsRecheckInterval(long creditsRecheckInterval) {
        this.creditsRecheckInterval = creditsRecheckInterval;
    }

    public String getImageType() {
        return imageType;
    }

    /**
     * Which image files to download: MHD (.mha or .mhd+.raw), TIFF or DZI; a comma-separated list is an order of
     * preference (MHD,TIFF takes the TIFF files of an image that has no MHD file, e.g. a screenshot).
     */
    public void setImageType(String imageType) {
        this.imageType = imageType;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * When set, downloadOutputs and download write the files into this folder (atomically) and reply with the list of written paths instead of stream messages.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputFileName() {
        return outputFileName;
    }

    /**
     * Naming pattern for files written to outputDirectory. Placeholders: {job} (job id), {input} (first input image
     * name without extension, or the CamelGrandChallengeInputName header), {inputId} (first input image id), {socket}
     * (socket slug), {name} (the server's file name), {ext} (its extension with dot); '/' makes sub folders. Every
     * value is sanitised; nothing can escape outputDirectory. The CamelGrandChallengeOutputFileName header overrides
     * it (and socketFileName.*) for one exchange.
     */
    public void setOutputFileName(String outputFileName) {
        this.outputFileName = outputFileName;
    }

    public java.util.Map<String, Object> getSocketFileNames() {
        return socketFileNames;
    }

    /**
     * Naming patterns for the outputs of particular sockets, as socketFileName.SLUG=PATTERN (same
     * placeholders as outputFileName), e.g. socketFileName.pulmonary-lobes-screenshot=screenshots/{input}{ext}.
     */
    public void setSocketFileNames(java.util.Map<String, Object> socketFileNames) {
        this.socketFileNames = socketFileNames;
    }

    /** The naming this configuration describes. */
    public io.github.camelgc.grandchallenge.outputs.OutputNaming outputNaming() {
        java.util.Map<String, String> bySocket = new java.util.LinkedHashMap<>();
        socketFileNames.forEach((socket, pattern) -> bySocket.put(socket, String.valueOf(pattern)));
        return new io.github.camelgc.grandchallenge.outputs.OutputNaming(outputFileName, bySocket);
    }

    public String getStatuses() {
        return statuses;
    }

    /**
     * Comma-separated statuses the job consumer emits. Final ones (Succeeded, Failed, Cancelled) are emitted exactly
     * once per job; in-progress ones (e.g. Queued, Executing) once per job and status as the consumer sees them, as
     * progress notices that are kept in memory only.
     */
    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public boolean isIncludeExisting() {
        return includeExisting;
    }

    /**
     * Also emit jobs (or archive items) that were already final (or present) when the consumer first started.
     */
    public void setIncludeExisting(boolean includeExisting) {
        this.includeExisting = includeExisting;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    /**
     * Folder for the consumer's persistent state: its poll start point and the default idempotent repository.
     */
    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Page size for list requests of the consumer (the platform caps it at 1000).
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public long getJobTimeout() {
        return jobTimeout;
    }

    /**
     * A job still not final this long after the job consumer first saw it is emitted once with the header
     * CamelGrandChallengeJobTimedOut=true and then counts as handled: results it produces later are not emitted.
     */
    public void setJobTimeout(long jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public GrandChallengeClient getClient() {
        return client;
    }

    /**
     * A client to use instead of one built from these options (e.g. client=#myClient). The endpoint uses it as it is
     * and never closes it; the connection options here are then ignored.
     */
    public void setClient(GrandChallengeClient client) {
        this.client = client;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * Adjusts the HttpClient the component builds, applied last (e.g. to add interceptors for metrics or tracing).
     */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    /** The client settings these options describe, without global SSL context parameters; see below. */
    public ClientSettings clientSettings() {
        return clientSettings(null);
    }

    /**
     * The client settings these options describe: the one place options become connection settings, and the key
     * under which endpoints share a client. The token falls back to the GRAND_CHALLENGE_AUTHORIZATION environment
     * variable. TLS trust, the first that is set: sslContextParameters, trustCertificates, the Camel context's global
     * SSL context parameters (with useGlobalSslContextParameters), the JVM default.
     *
     * @param camelContext holds the global SSL context parameters; may be {@code null}
     */
    public ClientSettings clientSettings(org.apache.camel.CamelContext camelContext) {
        org.apache.camel.support.jsse.SSLContextParameters tls = sslContextParameters;
        String pem = null;
        if (tls == null && trustCertificates != null && !trustCertificates.isBlank()) {
            pem = trustCertificates.trim();
        } else if (tls == null && useGlobalSslContextParameters && camelContext != null) {
            tls = camelContext.getSSLContextParameters();
        }
        return ClientSettings.builder(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")))
                .token(ApiToken.fromConfigurationOrEnvironment(token))
                .sslContextParameters(tls)
                .trustCertificates(pem)
                .proxy(proxyHost, proxyPort)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                .retry(new RetryLimits(maxRetries, Duration.ofMillis(retryInitialDelay), Duration.ofMillis(retryMaxDelay),
                        Duration.ofMillis(retryDeadline)))
                .uploadPartSize(uploadPartSize)
                .uploadConcurrency(uploadConcurrency)
                .maxDownloadSize(maxDownloadSize)
                .httpClientConfigurer(httpClientConfigurer)
                .build();
    }

    /** A shallow copy (maps copied): the component keeps the defaults, each endpoint owns its copy. */
    public GrandChallengeConfiguration copy() {
        try {
            GrandChallengeConfiguration copy = (GrandChallengeConfiguration) clone();
            copy.socketFileNames = new java.util.LinkedHashMap<>(socketFileNames);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "GrandChallengeConfiguration[baseUrl=" + baseUrl + ", algorithm=" + algorithm + ", archive=" + archive
               + ", operation=" + operation + ", token=" + (token == null ? "none" : "****") + "]";
    }

    public long getMaxDownloadSize() {
        return maxDownloadSize;
    }

    /**
     * The most bytes one downloaded output or image file may have (default 64 GiB). A larger Content-Length is refused
     * before anything is read, and a body that keeps going past the limit is cut off; either way nothing appears under
     * the final file name. A body shorter than its Content-Length is an error as well.
     */
    public void setMaxDownloadSize(long maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }
}
