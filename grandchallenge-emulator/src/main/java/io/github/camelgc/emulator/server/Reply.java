package io.github.camelgc.emulator.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, headers and a body written as a stream. */
public final class Reply {

    /** Writes a response body; large bodies are copied in chunks, never held in memory. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final BodyWriter body;
    private final long contentLength;

    private Reply(int status, BodyWriter body, long contentLength) {
        this.status = status;
        this.body = body;
        this.contentLength = contentLength;
    }

    public static Reply json(int status, Object value) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a response of type " + value.getClass(), e);
        }
        return new Reply(status, out -> out.write(bytes), bytes.length).header("Content-Type", Json.CONTENT_TYPE);
    }

    public static Reply ok(Object value) {
        return json(200, value);
    }

    public static Reply created(Object value) {
        return json(201, value);
    }

    public static Reply redirect(String location) {
        return new Reply(302, null, 0).header("Location", location);
    }

    public static Reply empty(int status) {
        return new Reply(status, null, 0);
    }

    public static Reply stream(String contentType, long length, BodyWriter writer) {
        return stream(200, contentType, length, writer);
    }

    public static Reply stream(int status, String contentType, long length, BodyWriter writer) {
        return new Reply(status, writer, length).header("Content-Type", contentType);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body writer, or {@code null} for an empty body. */
    public BodyWriter body() {
        return body;
    }

    public long contentLength() {
        return contentLength;
    }
}
