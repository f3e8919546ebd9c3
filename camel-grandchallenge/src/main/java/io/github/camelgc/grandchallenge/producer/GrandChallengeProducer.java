package io.github.camelgc.grandchallenge.producer;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeKind;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.GrandChallengeProducerHealthCheck;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Dispatches each exchange to the operation named by the header, the endpoint, or the kind's default. Asynchronous:
 * a submission that waits for a free job slot, or for its job to finish, releases the route's thread meanwhile (and
 * Camel tells async producers their route id, the name of their health check).
 */
public class GrandChallengeProducer extends DefaultAsyncProducer implements RouteIdAware {

    private final GrandChallengeEndpoint endpoint;
    private JobOperations jobs;
    private ArchiveOperations archives;
    private ImageOperations images;
    private GrandChallengeProducerHealthCheck healthCheck;
    private String routeId;

    public GrandChallengeProducer(GrandChallengeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        jobs = new JobOperations(endpoint);
        archives = new ArchiveOperations(endpoint);
        images = new ImageOperations(endpoint);
        healthCheck = GrandChallengeProducerHealthCheck.register(endpoint, routeId);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletionStage<?> later;
        try {
            later = dispatch(exchange);
        } catch (Throwable e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (later == null) {
            callback.done(true);
            return true;
        }
        later.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            callback.done(false);
        });
        return false;
    }

    @Override
    public String getRouteId() {
        return routeId;
    }

    @Override
    public void setRouteId(String routeId) {
        this.routeId = routeId;
    }

    /** Runs the operation; returns a stage when it completes later (submit, wait), else {@code null}. */
    private CompletionStage<?> dispatch(Exchange exchange) throws Exception {
        GrandChallengeKind kind = endpoint.getResourceKind();
        GrandChallengeOperations operation = determineOperation(exchange);
        if (!kind.supports(operation)) {
            throw new IllegalArgumentException("Operation '" + operation + "' is not available on grandchallenge:" + kind
                                               + "; available: " + kind.describeOperations());
        }
        switch (kind) {
            case JOB -> {
                return jobs.run(operation, exchange);
            }
            case ALGORITHM -> exchange.getMessage().setBody(endpoint.algorithms().get(jobs.algorithmSlug(exchange)));
            case ARCHIVE -> archives.run(operation, exchange);
            case IMAGE -> images.run(operation, exchange);
            default -> throw new IllegalStateException("Unhandled kind " + kind);
        }
        return null;
    }

    private GrandChallengeOperations determineOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(GrandChallengeConstants.OPERATION);
        if (header instanceof GrandChallengeOperations operation) {
            return operation;
        }
        if (header != null) {
            try {
                return GrandChallengeOperations.valueOf(header.toString().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Header " + GrandChallengeConstants.OPERATION + " names unknown "
                                                   + "operation '" + header + "'; available on grandchallenge:"
                                                   + endpoint.getResourceKind() + ": "
                                                   + endpoint.getResourceKind().describeOperations(), e);
            }
        }
        GrandChallengeOperations configured = endpoint.getConfiguration().getOperation();
        return configured != null ? configured : endpoint.getResourceKind().defaultOperation();
    }

    @Override
    public String toString() {
        return "GrandChallengeProducer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
