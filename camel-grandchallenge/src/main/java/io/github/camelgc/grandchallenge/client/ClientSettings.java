package io.github.camelgc.grandchallenge.client;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

import io.github.camelgc.grandchallenge.metrics.ComponentMetrics;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Everything a {@link GrandChallengeClient} is built from, and the key under which endpoints share one: equal
 * settings share a client (its connection pool and upload threads). Components compare by value, except
 * {@code sslContextParameters}, {@code httpClientConfigurer} and {@code metrics}, which have no value equality and
 * compare by identity. The token takes part in equality but is never printed. At most one of
 * {@code sslContextParameters} and {@code trustCertificates} is set (the component's configuration decides which wins).
 *
 * @param baseUri              the API root, ending in {@code /}
 * @param token                the API token, {@code null} for anonymous access
 * @param sslContextParameters TLS settings, {@code null} for {@code trustCertificates} or the JVM default
 * @param trustCertificates    resource URIs of PEM certificates to trust instead of the JVM's ({@link PemTrust}),
 *                             {@code null} for none
 * @param proxyHost            HTTP proxy host, {@code null} for none
 * @param proxyPort            HTTP proxy port
 * @param connectTimeout       TCP connect and TLS handshake timeout
 * @param responseTimeout      socket read timeout
 * @param retry                how often and how long one request may be repeated
 * @param uploadPartSize       S3 multipart part size in bytes
 * @param uploadConcurrency    parts uploaded in parallel per client
 * @param maxDownloadSize      the most bytes one downloaded file may have (announced or actually sent)
 * @param httpClientConfigurer applied last to every HttpClient the transport builds, {@code null} for none
 * @param metrics              told about uploads, downloads and retries; {@link ComponentMetrics#NONE} for nothing
 */
public record ClientSettings(
        URI baseUri,
        ApiToken token,
        SSLContextParameters sslContextParameters,
        String trustCertificates,
        String proxyHost,
        int proxyPort,
        Duration connectTimeout,
        Duration responseTimeout,
        RetryLimits retry,
        long uploadPartSize,
        int uploadConcurrency,
        long maxDownloadSize,
        HttpClientConfigurer httpClientConfigurer,
        ComponentMetrics metrics) {

    /** The default download limit: 64 GiB, far above any medical image, far below a full disk. */
    public static final long DEFAULT_MAX_DOWNLOAD_SIZE = 64L << 30;

    /** S3's minimum size of every part except the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public ClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(metrics, "metrics");
        if (sslContextParameters != null && trustCertificates != null) {
            throw new IllegalArgumentException("Set either sslContextParameters or trustCertificates, not both");
        }
        String path = baseUri.getPath();
        if (path == null || !path.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl must end with '/', got " + baseUri);
        }
        if (uploadPartSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "uploadPartSize must be at least 5 MiB (" + MIN_PART_SIZE + " bytes), got " + uploadPartSize);
        }
        if (uploadConcurrency < 1) {
            throw new IllegalArgumentException("uploadConcurrency must be at least 1, got " + uploadConcurrency);
        }
    }

    /** Settings for an API root with the component's defaults; set the rest on the builder. */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** These settings reporting to {@code value} (the component's metrics). */
    public ClientSettings withMetrics(ComponentMetrics value) {
        return new ClientSettings(baseUri, token, sslContextParameters, trustCertificates, proxyHost, proxyPort,
                connectTimeout, responseTimeout, retry, uploadPartSize, uploadConcurrency, maxDownloadSize,
                httpClientConfigurer, value);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + baseUri + ", token=" + (token == null ? "none" : "****") + "]";
    }

    /** Builds settings; every value starts at the component's default. */
    public static final class Builder {
        private final URI baseUri;
        private ApiToken token;
        private SSLContextParameters sslContextParameters;
        private String trustCertificates;
        private String proxyHost;
        private int proxyPort = 3128;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private RetryLimits retry = RetryLimits.DEFAULT;
        private long uploadPartSize = 32L << 20;
        private int uploadConcurrency = 4;
        private long maxDownloadSize = DEFAULT_MAX_DOWNLOAD_SIZE;
        private HttpClientConfigurer httpClientConfigurer;
        private ComponentMetrics metrics = ComponentMetrics.NONE;

        private Builder(URI baseUri) {
            this.baseUri = baseUri;
        }

        public Builder token(ApiToken value) {
            this.token = value;
            return this;
        }

        public Builder sslContextParameters(SSLContextParameters value) {
            this.sslContextParameters = value;
            return this;
        }

        /** Trusts exactly the PEM certificates of these resource URIs (comma-separated); see {@link PemTrust}. */
        public Builder trustCertificates(String value) {
            this.trustCertificates = value;
            return this;
        }

        /** Trusts exactly the certificates of a trust store (e.g. a private CA), instead of the JVM's. */
        public Builder trustStore(KeyStore trustStore) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setKeyStore(trustStore);
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(trust);
            this.sslContextParameters = ssl;
            return this;
        }

        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        public Builder retry(RetryLimits value) {
            this.retry = value;
            return this;
        }

        public Builder uploadPartSize(long value) {
            this.uploadPartSize = value;
            return this;
        }

        public Builder uploadConcurrency(int value) {
            this.uploadConcurrency = value;
            return this;
        }

        public Builder maxDownloadSize(long value) {
            this.maxDownloadSize = value;
            return this;
        }

        public Builder httpClientConfigurer(HttpClientConfigurer value) {
            this.httpClientConfigurer = value;
            return this;
        }

        public Builder metrics(ComponentMetrics value) {
            this.metrics = value;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(baseUri, token, sslContextParameters, trustCertificates, proxyHost, proxyPort,
                    connectTimeout, responseTimeout, retry, uploadPartSize, uploadConcurrency, maxDownloadSize,
                    httpClientConfigurer, metrics);
        }
    }
}
