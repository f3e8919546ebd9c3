package io.github.camelgc.grandchallenge.client;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes HTTP requests with the retry policy, adds the token only to requests for the API origin, and never
 * follows redirects by itself (so a storage redirect can never carry the token).
 * <p>
 * The retry loop is ours rather than HttpClient's {@code DefaultHttpRequestRetryStrategy} because that strategy waits
 * a fixed interval (no exponential backoff, no cap on {@code Retry-After}), has no overall deadline, decides
 * idempotency by method alone (our POSTs may be repeated on 429/503, where the platform refused before acting), and
 * cannot retry a response whose body breaks off while it is read. Pooling, TLS, timeouts and the Retry-After date
 * parsing are HttpClient's.
 */
public final class HttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final String apiOrigin;

    /**
     * A request recipe: a fresh request (and body) is built for every attempt.
     *
     * @param method        HTTP method
     * @param uri           absolute URI
     * @param body          body supplier, or {@code null}
     * @param authenticated whether to send the token (only allowed for the API origin)
     * @param idempotent    whether the request may be repeated after an I/O error or a gateway error
     */
    public record Call(String method, URI uri, Supplier<HttpEntity> body, boolean authenticated, boolean idempotent) {

        /** Method and path, safe for messages: no query string (presigned URLs carry signatures there). */
        public String describe() {
            return method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
        }
    }

    public HttpTransport(ClientSettings settings) {
        this.settings = settings;
        this.apiOrigin = origin(settings.baseUri());
        int maxConnections = Math.max(20, settings.uploadConcurrency() * 2 + 10);
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        PoolingHttpClientConnectionManager connectionManager = pool.build();
        var builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        this.http = builder.build();
    }

    /** The settings this transport was built from. */
    public ClientSettings settings() {
        return settings;
    }

    /** Whether a URI has the API's scheme, host and port (the only place the token may go). */
    public boolean isApiOrigin(URI uri) {
        return apiOrigin.equals(origin(uri));
    }

    /** GETs JSON from an API URI and maps it. */
    public <T> T getJson(URI uri, JavaType type) {
        return readJson(new Call("GET", uri, null, true, true), type);
    }

    /** GETs JSON from a public API URI without the token. */
    public <T> T getJsonAnonymously(URI uri, JavaType type) {
        return readJson(new Call("GET", uri, null, false, true), type);
    }

    /** Sends a JSON body to an API URI and maps the JSON answer. */
    public <T> T sendJson(String method, URI uri, Object body, JavaType type, boolean idempotent) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new GrandChallengeException("Cannot serialise the request body for " + method + " " + uri, e);
        }
        Supplier<HttpEntity> entity = () -> new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON);
        return readJson(new Call(method, uri, entity, true, idempotent), type);
    }

    /** Opens and reads; a connection lost while reading the body is retried like one lost before the answer. */
    private <T> T readJson(Call call, JavaType type) {
        Instant started = Instant.now();
        for (int retry = 1;; retry++) {
            try (ClassicHttpResponse response = open(call)) {
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    throw new GrandChallengeException(call.describe() + " answered HTTP " + response.getCode()
                                                      + " without a body; expected JSON");
                }
                try (InputStream in = entity.getContent()) {
                    return Json.mapper().readValue(in, type);
                }
            } catch (IOException e) {
                boolean transport = !(e instanceof JsonProcessingException) || e.getCause() instanceof IOException;
                Optional<Duration> delay = transport && call.idempotent()
                        ? settings.retryPolicy().delayBeforeRetry(retry, null, started, Instant.now()) : Optional.empty();
                if (delay.isEmpty()) {
                    throw new GrandChallengeIoException(call.describe() + " returned an unreadable response: "
                                                        + e.getMessage(), e);
                }
                LOG.debug("{}: reading the response failed with {}; retry {} in {} ms", call.describe(), e, retry,
                        delay.get().toMillis());
                sleep(delay.get());
            }
        }
    }

    /**
     * Executes a call with retries and returns the response (2xx or 3xx) for the caller to consume and close.
     *
     * @throws GrandChallengeApiException for a 4xx/5xx answer that is not (or no longer) retried
     * @throws GrandChallengeIoException  for an I/O failure that is not (or no longer) retried
     */
    public ClassicHttpResponse open(Call call) {
        if (call.authenticated() && !isApiOrigin(call.uri())) {
            throw new GrandChallengeException("Refusing to send the API token to " + origin(call.uri())
                                              + ": only the API origin " + apiOrigin + " may receive it");
        }
        RetryPolicy policy = settings.retryPolicy();
        Instant started = Instant.now();
        int retry = 0;
        while (true) {
            HttpUriRequestBase request = build(call);
            ClassicHttpResponse response;
            try {
                response = http.executeOpen(null, request, null);
            } catch (IOException e) {
                retry++;
                Optional<Duration> delay = call.idempotent()
                        ? policy.delayBeforeRetry(retry, null, started, Instant.now()) : Optional.empty();
                if (delay.isEmpty()) {
                    throw new GrandChallengeIoException(call.describe() + " failed: " + e, e);
                }
                LOG.debug("{} failed with {}; retry {} in {} ms", call.describe(), e, retry, delay.get().toMillis());
                sleep(delay.get());
                continue;
            }
            int code = response.getCode();
            if (policy.isRetryableStatus(code, call.idempotent())) {
                retry++;
                Optional<Duration> delay = policy.delayBeforeRetry(retry, headerValue(response, HttpHeaders.RETRY_AFTER),
                        started, Instant.now());
                if (delay.isPresent()) {
                    LOG.debug("{} answered {}; retry {} in {} ms", call.describe(), code, retry,
                            delay.get().toMillis());
                    closeQuietly(response);
                    sleep(delay.get());
                    continue;
                }
            }
            if (code >= 400) {
                throw toApiException(call, response);
            }
            return response;
        }
    }

    /** Opens a response body as a stream that releases the connection when closed. */
    public static InputStream bodyStream(ClassicHttpResponse response, String what) {
        HttpEntity entity = response.getEntity();
        try {
            InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new FilterInputStream(content) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            };
        } catch (IOException e) {
            closeQuietly(response);
            throw new GrandChallengeIoException("Cannot read the body of " + what + ": " + e, e);
        }
    }

    private HttpUriRequestBase build(Call call) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        if (call.authenticated()) {
            request.setHeader(HttpHeaders.ACCEPT, "application/json");
            if (settings.token() != null) {
                request.setHeader(HttpHeaders.AUTHORIZATION, settings.token().authorizationHeader());
            }
        }
        if (call.body() != null) {
            request.setEntity(call.body().get());
        }
        return request;
    }

    private GrandChallengeApiException toApiException(Call call, ClassicHttpResponse response) {
        List<String> messages = List.of();
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                String text = EntityUtils.toString(entity, MAX_ERROR_BODY);
                messages = parseMessages(text);
            }
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            LOG.debug("Cannot read the error body of {}", call.describe(), e);
        } finally {
            closeQuietly(response);
        }
        return new GrandChallengeApiException(call.method(), call.describe().substring(call.method().length() + 1),
                response.getCode(), messages);
    }

    private static List<String> parseMessages(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            return ErrorMessages.from(node);
        } catch (IOException notJson) {
            return List.of("(non-JSON error body of " + text.length() + " characters)");
        }
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrandChallengeException("Interrupted while waiting to retry", e);
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Ignoring failure to close {}", closeable, e);
        }
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) + "://" + host + ":"
               + port;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
