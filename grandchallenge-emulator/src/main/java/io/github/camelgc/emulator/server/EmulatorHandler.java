package io.github.camelgc.emulator.server;

import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.model.User;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Jetty handler: applies fault rules, authenticates, dispatches to a route, streams the
 * reply and records the request. Runs on Jetty's (bounded) thread pool with blocking streams, so
 * multi-GB bodies flow through in small chunks.
 */
public final class EmulatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);

    private final Router router;
    private final Authenticator authenticator;
    private final RequestLog requestLog;
    private final FaultInjector faults;

    public EmulatorHandler(Router router, Authenticator authenticator, RequestLog requestLog, FaultInjector faults) {
        this.router = router;
        this.authenticator = authenticator;
        this.requestLog = requestLog;
        this.faults = faults;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String template = router.patternOf(method, path);
        CountingInput in = new CountingInput(Content.Source.asInputStream(request));
        FaultRule fault = faults.claim(method, path, template);
        Reply reply;
        try {
            if (fault != null && !fault.latency().isZero()) {
                Thread.sleep(fault.latency().toMillis());
            }
            if (fault != null && fault.status() > 0) {
                reply = Reply.json(fault.status(), Map.of("detail", "Injected fault: HTTP " + fault.status()));
                if (fault.retryAfter() != null) {
                    reply.header("Retry-After", fault.retryAfter());
                }
            } else {
                reply = dispatch(request, method, path, in);
                if (fault != null && !fault.answerDelay().isZero()) {
                    Thread.sleep(fault.answerDelay().toMillis());
                }
            }
        } catch (ApiError e) {
            reply = Reply.json(e.status(), e.body());
            e.headers().forEach(reply::header);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (ServerError e) {
            LOG.info("{} {} answered 500 like the platform would: {}", method, path, e.getMessage());
            byte[] page = "<h1>Server Error (500)</h1>".getBytes(StandardCharsets.UTF_8);
            reply = Reply.stream(500, "text/html", page.length, out -> out.write(page));
        } catch (org.eclipse.jetty.io.EofException e) {
            // The client went away while sending its body (e.g. an upload it aborted): nothing went wrong here.
            LOG.info("{} {}: the client closed the connection before its request body ended", method, path);
            byte[] page = "<h1>Bad Request (400)</h1>".getBytes(StandardCharsets.UTF_8);
            reply = Reply.stream(400, "text/html", page.length, out -> out.write(page));
        } catch (Exception e) {
            LOG.warn("{} {} failed", method, path, e);
            // Django's own 500 page is HTML, not JSON.
            byte[] page = "<h1>Server Error (500)</h1>".getBytes(StandardCharsets.UTF_8);
            reply = Reply.stream(500, "text/html", page.length, out -> out.write(page));
        }
        Reply answered = reply;
        // Logged before the response completes, so a client never sees an answer the log does not have yet.
        send(reply, request, response, callback, fault != null && fault.dropConnection(),
                written -> requestLog.record(new RequestLog.Entry(Instant.now(), method, path,
                        request.getHttpURI().getQuery(), template, answered.status(), in.count, written)));
        return true;
    }

    private Reply dispatch(Request request, String method, String path, InputStream in) throws IOException {
        if (method.equals("GET") && path.startsWith("/api/") && !path.endsWith("/")
                && router.serves(method, path + "/")) {
            // Django's APPEND_SLASH: GETs without the trailing slash are redirected permanently.
            String query = request.getHttpURI().getQuery();
            return Reply.empty(301).header("Location", path + "/" + (query == null ? "" : "?" + query));
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        if (path.startsWith("/api/") && router.knows(path)) {
            negotiate(headers.get("accept"), Request.extractQueryParameters(request).getValue("format"));
        }
        String authorization = headers.get("authorization");
        User user;
        if (path.startsWith("/api/")) {
            user = authenticator.authenticate(authorization);
        } else if (path.startsWith("/media/")) {
            user = authenticator.authenticateLeniently(authorization);
        } else {
            user = null;
        }
        Router.Match match;
        try {
            match = router.match(method, path);
        } catch (ApiError e) {
            // Permissions are checked before the method: anonymous writes are 401, not 405.
            if (e.status() == 405 && user == null && path.startsWith("/api/")) {
                throw ApiError.notAuthenticated();
            }
            throw e;
        }
        String scheme = request.isSecure() ? "https" : "http";
        String origin = scheme + "://" + Request.getServerName(request) + ":" + Request.getServerPort(request);
        ApiCall call = new ApiCall(method, path, request.getHttpURI().getQuery(),
                Request.extractQueryParameters(request), match.params(), user, origin, in, headers);
        return match.route().handler().handle(call);
    }

    /**
     * DRF's content negotiation, before authentication: JSON is the only renderer the emulator has, so an
     * {@code Accept} header without a range covering {@code application/json} is 406, and a {@code ?format=} other
     * than {@code json} is 404 (the platform's CSV renderer on some lists is not emulated).
     */
    private static void negotiate(String accept, String format) {
        if (format != null && !format.isEmpty() && !format.equals("json")) {
            throw ApiError.detail(404, "Not found.");
        }
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
                return;
            }
        }
        throw ApiError.notAcceptable();
    }

    /** Writes the reply, reporting the body length to the request log before sending it. */
    private static void send(Reply reply, Request request, Response response, Callback callback, boolean drop,
            java.util.function.LongConsumer sent) {
        response.setStatus(reply.status());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.body() == null && drop) {
            // Nothing to cut short: close the connection without any answer.
            sent.accept(0);
            // Failing an uncommitted response would make Jetty answer 500; closing the endpoint drops it.
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("Injected fault: connection dropped before the answer"));
            return;
        }
        if (reply.body() == null) {
            response.getHeaders().put("Content-Length", "0");
            sent.accept(0);
            callback.succeeded();
            return;
        }
        if (reply.contentLength() >= 0) {
            response.getHeaders().put("Content-Length", String.valueOf(reply.contentLength()));
        }
        long limit = drop ? Math.max(1, reply.contentLength() / 2) : Long.MAX_VALUE;
        // Recorded before the first byte: once the last byte leaves, the client may already act on it.
        sent.accept(Math.min(limit, reply.contentLength()));
        LimitedOutput out = new LimitedOutput(Content.Sink.asOutputStream(response), limit);
        try {
            reply.body().writeTo(out);
            out.close();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            // An aborted response closes the connection: how a dropped connection looks to the client.
            callback.failed(e);
        }
    }

    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** For the drop-connection fault: fails once the limit is reached. */
    private static final class LimitedOutput extends FilterOutputStream {
        private final long limit;
        private long count;

        LimitedOutput(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long allowed = Math.min(len, limit - count);
            out.write(b, off, (int) allowed);
            count += allowed;
            if (allowed < len) {
                out.flush();
                throw new IOException("Injected fault: connection dropped after " + count + " bytes");
            }
        }
    }
}
