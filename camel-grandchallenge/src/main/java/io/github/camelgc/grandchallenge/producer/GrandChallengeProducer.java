package io.github.camelgc.grandchallenge.producer;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeKind;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.GrandChallengeProducerHealthCheck;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/** Dispatches each exchange to the operation named by the header, the endpoint, or the kind's default. */
public class GrandChallengeProducer extends DefaultProducer {

    private final GrandChallengeEndpoint endpoint;
    private JobOperations jobs;
    private ArchiveOperations archives;
    private ImageOperations images;
    private GrandChallengeProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

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
        if (endpoint.getComponent().isHealthCheckProducerEnabled()) {
            healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                    WritableHealthCheckRepository.class);
            if (healthCheckRepository != null) {
                healthCheck = new GrandChallengeProducerHealthCheck(endpoint, endpoint.getId());
                healthCheckRepository.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        GrandChallengeKind kind = endpoint.getResourceKind();
        GrandChallengeOperations operation = determineOperation(exchange);
        if (!kind.supports(operation)) {
            throw new IllegalArgumentException("Operation '" + operation + "' is not available on grandchallenge:" + kind
                                               + "; available: " + kind.describeOperations());
        }
        switch (kind) {
            case JOB -> jobs.run(operation, exchange);
            case ALGORITHM -> exchange.getMessage().setBody(endpoint.client().algorithm(jobs.algorithmSlug(exchange)));
            case ARCHIVE -> archives.run(operation, exchange);
            case IMAGE -> images.run(operation, exchange);
            default -> throw new IllegalStateException("Unhandled kind " + kind);
        }
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
