package io.github.camelgc.emulator.server;

import java.util.List;
import java.util.Map;

/**
 * An error answer of the API, with the platform's (Django REST Framework's) body shapes.
 * Thrown by handlers and turned into a JSON response by {@link EmulatorHandler}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final transient Object body;
    private final Map<String, String> headers;

    private ApiError(int status, Object body, Map<String, String> headers) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public static ApiError of(int status, Object body) {
        return new ApiError(status, body, Map.of());
    }

    public static ApiError detail(int status, String message) {
        return of(status, Map.of("detail", message));
    }

    /** 401 with the {@code WWW-Authenticate: Bearer} challenge the platform sends. */
    public static ApiError unauthorized(String message) {
        return new ApiError(401, Map.of("detail", message), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiError notAuthenticated() {
        return unauthorized("Authentication credentials were not provided.");
    }

    public static ApiError forbidden() {
        return detail(403, "You do not have permission to perform this action.");
    }

    public static ApiError notFound(String model) {
        return detail(404, "No " + model + " matches the given query.");
    }

    /**
     * 404 for a detail lookup: the model's message for a well-formed UUID pk, DRF's plain
     * {@code Not found.} for a malformed one (the lookup never reaches the model).
     */
    public static ApiError notFound(String model, String pk) {
        return io.github.camelgc.emulator.drf.PyUuid.parse(pk).isPresent() ? notFound(model) : detail(404, "Not found.");
    }

    public static ApiError methodNotAllowed(String method) {
        return detail(405, "Method \"" + method + "\" not allowed.");
    }

    /** 400 with a field error: {@code {"field": ["message"]}}. */
    public static ApiError field(String field, String message) {
        return of(400, Map.of(field, List.of(message)));
    }

    /** 400 with an object-level error: {@code {"non_field_errors": ["message"]}}. */
    public static ApiError nonField(String message) {
        return field("non_field_errors", message);
    }

    /** 406: the request's {@code Accept} header excludes JSON, the only renderer. */
    public static ApiError notAcceptable() {
        return detail(406, "Could not satisfy the request Accept header.");
    }

    /** 400 with a bare JSON list body, as raised while saving rather than validating. */
    public static ApiError bareList(String message) {
        return of(400, List.of(message));
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
