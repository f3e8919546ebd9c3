package io.github.camelgc.grandchallenge.client;

import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * Everything needed to build a {@link GrandChallengeClient}. Two equal settings can share one client (and its
 * connection pool); the token takes part in equality but is never printed.
 *
 * @param baseUri           the API root, ending in {@code /api/v1/}
 * @param token             the API token, may be {@code null} (anonymous)
 * @param sslContext        TLS context, {@code null} for the JVM default
 * @param proxyHost         HTTP proxy host, {@code null} for none
 * @param proxyPort         HTTP proxy port
 * @param connectTimeout    TCP/TLS connect timeout
 * @param responseTimeout   socket read timeout
 * @param retryPolicy       retry rules for API calls, part uploads and downloads
 * @param uploadPartSize    S3 multipart part size in bytes
 * @param uploadConcurrency parts uploaded in parallel per client
 * @param maxDownloadSize   the most bytes one downloaded file may have (announced or actually sent)
 */
public record ClientSettings(
        URI baseUri,
        ApiToken token,
        SSLContext sslContext,
        String proxyHost,
        int proxyPort,
        Duration connectTimeout,
        Duration responseTimeout,
        RetryPolicy retryPolicy,
        long uploadPartSize,
        int uploadConcurrency,
        long maxDownloadSize) {

    /** The default download limit: 64 GiB, far above any medical image, far below a full disk. */
    public static final long DEFAULT_MAX_DOWNLOAD_SIZE = 64L << 30;

    /** Settings with the default download limit. */
    public ClientSettings(URI baseUri, ApiToken token, SSLContext sslContext, String proxyHost, int proxyPort,
            Duration connectTimeout, Duration responseTimeout, RetryPolicy retryPolicy, long uploadPartSize,
            int uploadConcurrency) {
        this(baseUri, token, sslContext, proxyHost, proxyPort, connectTimeout, responseTimeout, retryPolicy,
                uploadPartSize, uploadConcurrency, DEFAULT_MAX_DOWNLOAD_SIZE);
    }

    /** S3's minimum size of every part except the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public ClientSettings {
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

    @Override
    public String toString() {
        return "ClientSettings[" + baseUri + ", token=" + (token == null ? "none" : "****") + "]";
    }
}
