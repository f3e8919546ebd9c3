package io.github.camelgc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A plain-HTTP test client that only knows the spec: JSON in, JSON out, token in a header. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body parsed as JSON when it is JSON. */
    record Answer(int status, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + new String(raw.body()), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;

    ApiClient(SSLContext ssl, String base, String token) {
        this(HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build(), base, token == null ? null : "Bearer " + token);
    }

    private ApiClient(HttpClient http, String base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client with a raw {@code Authorization} header value (or none). */
    ApiClient withAuthorization(String header) {
        return new ApiClient(http, base, header);
    }

    Answer get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    Answer post(String pathOrUrl, Object body) {
        return send(request(pathOrUrl).POST(json(body)).header("Content-Type", "application/json"));
    }

    Answer delete(String pathOrUrl) {
        return send(request(pathOrUrl).DELETE());
    }

    Answer patch(String pathOrUrl, Object body) {
        return send(request(pathOrUrl).method("PATCH", json(body)).header("Content-Type", "application/json"));
    }

    Answer put(String pathOrUrl, Object body) {
        return send(request(pathOrUrl).PUT(json(body)).header("Content-Type", "application/json"));
    }

    /** Any request with a raw body (or none) and extra headers (name, value pairs); the token as configured. */
    Answer send(String method, String pathOrUrl, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(pathOrUrl).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A request to a storage URL with only the given headers (no token unless passed). */
    Answer sendRaw(String method, String url, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A PUT of raw bytes without any credentials, like a presigned S3 part upload. */
    Answer putBytes(String url, byte[] bytes) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A GET without any credentials, like following a storage redirect. */
    Answer getAnonymously(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes()
                    : JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
