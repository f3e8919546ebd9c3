package io.github.camelgc.grandchallenge.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * Streams {@code /media/} files (image files, socket-value files). The first request carries the token only if it
 * goes to the API origin; storage redirects are followed by hand and never carry it. Every body is bounded by
 * {@code maxDownloadSize}. Closing a stream reports its bytes and time to the metrics.
 */
public final class MediaDownloads {

    private static final int MAX_REDIRECTS = 5;

    private final HttpTransport transport;
    private final long maxDownloadSize;

    public MediaDownloads(HttpTransport transport, long maxDownloadSize) {
        this.transport = transport;
        this.maxDownloadSize = maxDownloadSize;
    }

    /**
     * Opens a media URL as a stream (the caller closes it). The request is retried like any idempotent GET until the
     * answer starts; a body that breaks off later fails the read with an {@link IOException}.
     */
    public InputStream open(String url) {
        long started = System.nanoTime();
        URI uri = toUri(url);
        boolean authenticated = transport.isApiOrigin(uri);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            ClassicHttpResponse response = transport.open(new HttpTransport.Call("GET", uri, null, authenticated, true));
            int code = response.getCode();
            if (code >= 300 && code < 400) {
                Header location = response.getFirstHeader(HttpHeaders.LOCATION);
                HttpTransport.closeQuietly(response);
                if (location == null) {
                    throw new GrandChallengeException("GET " + uri.getRawPath() + " answered HTTP " + code
                                                      + " without a Location header");
                }
                uri = uri.resolve(location.getValue());
                authenticated = false;
                continue;
            }
            return limited(response, "GET " + uri.getRawPath(), started);
        }
        throw new GrandChallengeException("Too many redirects (more than " + MAX_REDIRECTS + ") for "
                                          + toUri(url).getRawPath());
    }

    /**
     * The body as a stream bounded by {@code maxDownloadSize}: a larger announced Content-Length is refused at once,
     * and reading past the limit fails (HttpClient itself fails a body that ends before its Content-Length).
     */
    private InputStream limited(ClassicHttpResponse response, String what, long started) {
        long limit = maxDownloadSize;
        HttpEntity entity = response.getEntity();
        long announced = entity == null ? -1 : entity.getContentLength();
        if (announced > limit) {
            HttpTransport.closeQuietly(response);
            throw new GrandChallengeException(what + " announces " + announced + " bytes, more than maxDownloadSize ("
                                              + limit + " bytes); not downloading it");
        }
        return new FilterInputStream(HttpTransport.bodyStream(response, what)) {
            private long count;
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    transport.settings().metrics().downloaded(count, Duration.ofNanos(System.nanoTime() - started));
                }
                super.close();
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) throws IOException {
                count += n;
                if (count > limit) {
                    throw new IOException(what + " sent more than maxDownloadSize (" + limit + " bytes); cut off");
                }
            }
        };
    }

    static URI toUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            // the reason only: the whole URL may carry a presigned signature
            throw new GrandChallengeException("The server sent an invalid URL (" + e.getReason() + ")");
        }
    }
}
