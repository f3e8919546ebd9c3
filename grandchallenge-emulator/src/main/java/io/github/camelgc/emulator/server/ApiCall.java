package io.github.camelgc.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelgc.emulator.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;

/** One API request as the route handlers see it: path parameters, query, caller, body. */
public final class ApiCall {

    /** Django's {@code DATA_UPLOAD_MAX_MEMORY_SIZE}: JSON bodies above this are refused. */
    static final int MAX_JSON_BODY = 16 * 1024 * 1024;

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Fields query;
    private final Map<String, String> params;
    private final User user;
    private final String origin;
    private final InputStream body;
    private final Map<String, String> headers;

    public ApiCall(String method, String path, String rawQuery, Fields query, Map<String, String> params,
            User user, String origin, InputStream body, Map<String, String> headers) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.params = params;
        this.user = user;
        this.origin = origin;
        this.body = body;
        this.headers = headers;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String query(String name) {
        return query.getValue(name);
    }

    /** A path parameter holding a UUID pk, in canonical form when Python's {@code uuid} reads it (else as given). */
    public String uuidParam(String name) {
        String raw = params.get(name);
        return io.github.camelgc.emulator.drf.PyUuid.parse(raw).orElse(raw);
    }

    /** The first value of every query parameter. */
    public Map<String, String> queryMap() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (org.eclipse.jetty.util.Fields.Field field : query) {
            map.putIfAbsent(field.getName(), field.getValue());
        }
        return map;
    }

    /** Every value of a repeated ("multi") query parameter. */
    public List<String> queryAll(String name) {
        List<String> values = query.getValues(name);
        return values == null ? List.of() : values;
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The caller; anonymous callers get the platform's 401 for writes. */
    public User requireUser() {
        if (user == null) {
            throw ApiError.notAuthenticated();
        }
        return user;
    }

    /** {@code scheme://host:port} of this request, taken from its Host header like the platform. */
    public String origin() {
        return origin;
    }

    /** An absolute URL on this emulator for a path starting with {@code /}. */
    public String url(String absolutePath) {
        return origin + absolutePath;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The streamed request body (for part uploads). */
    public InputStream body() {
        return body;
    }

    /**
     * The request body as DRF's parsers read it: an empty body is {@code {}}; JSON needs
     * {@code Content-Type: application/json}; a form-encoded body gives its fields as strings (the last value of a
     * repeated key); any other type is 415.
     */
    public JsonNode json() throws IOException {
        byte[] bytes = body.readNBytes(MAX_JSON_BODY + 1);
        if (bytes.length > MAX_JSON_BODY) {
            throw ApiError.detail(413, "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.");
        }
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        String contentType = header("content-type") == null ? "" : header("content-type");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            com.fasterxml.jackson.databind.node.ObjectNode form = JsonNodeFactory.instance.objectNode();
            Fields fields = new Fields();
            org.eclipse.jetty.util.UrlEncoded.decodeUtf8To(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                    fields);
            for (Fields.Field field : fields) {
                List<String> values = field.getValues();
                form.put(field.getName(), values.get(values.size() - 1));
            }
            return form;
        }
        if (!mediaType.equals("application/json")) {
            throw ApiError.detail(415, "Unsupported media type \"" + contentType + "\" in request.");
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.detail(400, "JSON parse error - " + e.getOriginalMessage());
        }
    }
}
