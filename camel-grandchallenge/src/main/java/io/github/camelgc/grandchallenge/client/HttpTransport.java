package io.github.camelgc.grandchallenge.client;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the component's HTTP requests: one pooled HttpClient 5 with TLS, the token added only to requests for the API
 * origin, redirects never followed (so a storage redirect can never carry the token), and retries decided by
 * {@link RequestRetryStrategy} inside HttpClient. Health probes go through a second, non-retrying client with short
 * timeouts. Thread-safe.
 */
public final class HttpTransport implements Closeable {

    /** Connect, handshake and response timeout of a health probe: two probes answer within 2 s. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final ClientSettings settings;
    private final HttpClientFactory clients;
    private final CloseableHttpClient http;
    private final TokenGuard guard;
    private CloseableHttpClient probe;

    /**
     * A request.
     *
     * @param method        HTTP method
     * @param uri           absolute URI
     * @param body          the body, or {@code null}; must be repeatable (retries send it again)
     * @param authenticated whether to send the token (only allowed for the API origin)
     * @param idempotent    whether the request may be repeated after it may have reached the server
     */
    public record Call(String method, URI uri, HttpEntity body, boolean authenticated, boolean idempotent) {

        /** Method and URI without the query string (presigned URLs carry signatures there), safe for messages. */
        public String describe() {
            return CallContext.describe(method, uri);
        }
    }

    /**
     * @param camelContext resolves placeholders in {@code sslContextParameters}; may be {@code null}
     */
    public HttpTransport(ClientSettings settings, CamelContext camelContext) {
        this.settings = settings;
        this.guard = new TokenGuard(settings.baseUri());
        this.clients = new HttpClientFactory(settings, sslContext(settings, camelContext));
        this.http = clients.retrying(Math.max(20, settings.uploadConcurrency() * 2 + 10));
    }

    /** The TLS context of the settings: their sslContextParameters, their trustCertificates, or the JVM default. */
    private static SSLContext sslContext(ClientSettings settings, CamelContext camelContext) {
        if (settings.trustCertificates() != null) {
            return PemTrust.sslContext(settings.trustCertificates(), camelContext);
        }
        SSLContextParameters parameters = settings.sslContextParameters();
        if (parameters == null) {
            return null;
        }
        try {
            return parameters.createSSLContext(camelContext);
        } catch (Exception e) {
            throw new GrandChallengeException("Cannot create the TLS context from sslContextParameters: " + e, e);
        }
    }

    /** The settings this transport was built from. */
    public ClientSettings settings() {
        return settings;
    }

    /** Whether a URI has the API's scheme, host and port (the only place the token may go). */
    public boolean isApiOrigin(URI uri) {
        return guard.apiOrigin().equals(TokenGuard.origin(uri));
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
        return readJson(new Call(method, uri, new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON), true,
                idempotent), type);
    }

    /** Executes a call whose JSON answer is read whole inside the retry loop (see {@link ResponseBuffering}). */
    private <T> T readJson(Call call, JavaType type) {
        try (ClassicHttpResponse response = execute(call, true)) {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                throw new GrandChallengeException(call.describe() + " answered HTTP " + response.getCode()
                                                  + " without a body; expected JSON");
            }
            try (InputStream in = entity.getContent()) {
                return Json.mapper().readValue(in, type);
            }
        } catch (JsonProcessingException e) {
            // the parser's message would quote the body; the location is enough
            throw new GrandChallengeIoException(call.describe() + " returned a response that is not the expected JSON ("
                                                + e.getClass().getSimpleName() + location(e) + ")", e);
        } catch (IOException e) {
            throw new GrandChallengeIoException(call.describe() + " failed: " + e, e);
        }
    }

    /**
     * Executes a call (retrying as {@link RetryRules} allow) and returns the response (2xx or 3xx) for the caller to
     * consume and close; the body is streamed.
     *
     * @throws GrandChallengeApiException for a 4xx/5xx answer that is not (or no longer) retried
     * @throws GrandChallengeIoException  for an I/O failure that is not (or no longer) retried
     */
    public ClassicHttpResponse open(Call call) {
        return execute(call, false);
    }

    private ClassicHttpResponse execute(Call call, boolean buffer) {
        HttpUriRequestBase request = request(call);
        HttpClientContext context = HttpClientContext.create();
        CallContext attempt = CallContext.attach(context,
                new CallContext(call.describe(), call.idempotent(), buffer, Instant.now()));
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, request, context);
        } catch (IOException e) {
            throw new GrandChallengeIoException(call.describe() + " failed" + after(attempt) + ": " + e, e);
        }
        if (response.getCode() >= 400) {
            throw toApiException(call, response);
        }
        return response;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String after(CallContext attempt) {
        return attempt.attempts() > 1 ? " after " + attempt.attempts() + " attempts" : "";
    }

    /**
     * One attempt with {@link #PROBE_TIMEOUT} on a separate, non-retrying client, for health checks: the status code
     * of a GET (the body is discarded).
     *
     * @throws GrandChallengeIoException when no answer arrived in time
     */
    public int probe(URI uri, boolean authenticated) {
        Call call = new Call("GET", uri, null, authenticated, true);
        HttpUriRequestBase request = request(call);
        try (ClassicHttpResponse response = probeClient().executeOpen(null, request, HttpClientContext.create())) {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        } catch (IOException e) {
            throw new GrandChallengeIoException(call.describe() + " failed: " + e, e);
        }
    }

    private synchronized CloseableHttpClient probeClient() {
        if (probe == null) {
            probe = clients.probing(PROBE_TIMEOUT);
        }
        return probe;
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

    private HttpUriRequestBase request(Call call) {
        if (call.authenticated() && !isApiOrigin(call.uri())) {
            throw new GrandChallengeException("Refusing to send the API token to " + TokenGuard.origin(call.uri())
                                              + ": only the API origin " + guard.apiOrigin() + " may receive it");
        }
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        if (call.authenticated()) {
            request.setHeader(HttpHeaders.ACCEPT, "application/json");
            if (settings.token() != null) {
                request.setHeader(HttpHeaders.AUTHORIZATION, settings.token().authorizationHeader());
            }
        }
        if (call.body() != null) {
            request.setEntity(call.body());
        }
        return request;
    }

    private GrandChallengeApiException toApiException(Call call, ClassicHttpResponse response) {
        List<String> messages = List.of();
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                messages = parseMessages(EntityUtils.toString(entity, MAX_ERROR_BODY));
            }
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            LOG.debug("Cannot read the error body of {}: {}", call.describe(), e.toString());
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
            return ErrorMessages.from(Json.mapper().readTree(text));
        } catch (IOException notJson) {
            return List.of("(non-JSON error body of " + text.length() + " characters)");
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Ignoring failure to close {}: {}", closeable, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            synchronized (this) {
                if (probe != null) {
                    probe.close();
                }
            }
        }
    }
}
