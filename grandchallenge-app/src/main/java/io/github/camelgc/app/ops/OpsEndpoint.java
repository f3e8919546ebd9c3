package io.github.camelgc.app.ops;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The service's operations endpoint: {@code GET /metrics} (Prometheus text format: the component's meters and the
 * JVM's), {@code GET /health/live} and {@code GET /health/ready} (Camel's liveness and readiness checks as JSON; 200
 * when none is DOWN, else 503). The meter registry exists from the start, so the component finds it when Camel
 * starts; the HTTP server starts after the routes, when the settings have a port.
 */
public final class OpsEndpoint implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final OpsSettings settings;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Server server;
    private URI url;

    public OpsEndpoint(OpsSettings settings) {
        this.settings = settings;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry to bind in Camel's registry (the component records its meters in it). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Starts serving, unless the settings turn the endpoint off. */
    public void start(CamelContext camelContext) throws Exception {
        if (settings.port().isEmpty()) {
            return;
        }
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(settings.host());
        connector.setPort(settings.port().getAsInt());
        jetty.addConnector(connector);
        jetty.setHandler(new Routes(camelContext));
        jetty.setStopTimeout(1000);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw new IllegalStateException("Cannot serve metrics and health on " + settings.host() + ":"
                    + settings.port().getAsInt() + " (" + e.getMessage() + "); set " + OpsSettings.PORT_PROPERTY
                    + " to another port, 0 for a free one, or off", e);
        }
        server = jetty;
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        url = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** {@code http://host:port/} while serving. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
            url = null;
        }
        registry.close();
    }

    /** Dispatches the three paths; everything else is 404, other methods than GET 405. */
    private final class Routes extends Handler.Abstract {

        private final CamelContext camelContext;

        private Routes(CamelContext camelContext) {
            this.camelContext = camelContext;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!"GET".equals(request.getMethod())) {
                send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8",
                        "Only GET is served\n");
                return true;
            }
            switch (path) {
                case "/metrics" -> send(response, callback, 200, PROMETHEUS_TEXT, registry.scrape());
                case "/health/live" -> health(response, callback, HealthReport.liveness(camelContext));
                case "/health/ready" -> health(response, callback, HealthReport.readiness(camelContext));
                default -> send(response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8",
                        "Not found; try /metrics, /health/live or /health/ready\n");
            }
            return true;
        }

        private void health(Response response, Callback callback, HealthReport report) {
            send(response, callback, report.up() ? 200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                    "application/json; charset=utf-8", report.json());
        }

        private void send(Response response, Callback callback, int status, String contentType, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
