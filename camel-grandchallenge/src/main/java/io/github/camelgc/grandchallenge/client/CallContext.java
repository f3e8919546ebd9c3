package io.github.camelgc.grandchallenge.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * What the HTTP client's retry strategy and response buffering need to know about one call, carried in its
 * {@link HttpContext}: a description safe for logs, whether it may be repeated, whether its (JSON) answer is read
 * whole inside the retry loop, when the first attempt started, and the delay decided for the next attempt.
 */
final class CallContext {

    static final String ATTRIBUTE = CallContext.class.getName();
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final String description;
    private final boolean idempotent;
    private final boolean bufferResponse;
    private final Instant started;
    private volatile Duration nextDelay = Duration.ZERO;
    private volatile int attempts = 1;

    CallContext(String description, boolean idempotent, boolean bufferResponse, Instant started) {
        this.description = description;
        this.idempotent = idempotent;
        this.bufferResponse = bufferResponse;
        this.started = started;
    }

    /** Attaches a call to a context. */
    static CallContext attach(HttpContext context, CallContext call) {
        context.setAttribute(ATTRIBUTE, call);
        return call;
    }

    /** The call of a context; for a request sent without one (e.g. by user code), one judged by its method. */
    static CallContext of(HttpContext context, HttpRequest request, Instant now) {
        Object attached = context == null ? null : context.getAttribute(ATTRIBUTE);
        if (attached instanceof CallContext call) {
            return call;
        }
        String method = request == null ? "?" : request.getMethod().toUpperCase(Locale.ROOT);
        String path = request == null ? "" : request.getPath();
        CallContext call = new CallContext(method + " " + withoutQuery(path), IDEMPOTENT_METHODS.contains(method),
                false, now);
        if (context != null) {
            attach(context, call);
        }
        return call;
    }

    /** Method and URI without the query string (presigned URLs carry signatures there), for messages and logs. */
    static String describe(String method, URI uri) {
        return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static String withoutQuery(String path) {
        int query = path == null ? -1 : path.indexOf('?');
        return query < 0 ? String.valueOf(path) : path.substring(0, query);
    }

    String description() {
        return description;
    }

    boolean idempotent() {
        return idempotent;
    }

    boolean bufferResponse() {
        return bufferResponse;
    }

    Instant started() {
        return started;
    }

    Duration nextDelay() {
        return nextDelay;
    }

    /** Records the retry decided after {@code failedAttempts} attempts. */
    void retryAfter(int failedAttempts, Duration delay) {
        this.attempts = failedAttempts + 1;
        this.nextDelay = delay;
    }

    /** Attempts made so far (1 until a retry was decided). */
    int attempts() {
        return attempts;
    }
}
