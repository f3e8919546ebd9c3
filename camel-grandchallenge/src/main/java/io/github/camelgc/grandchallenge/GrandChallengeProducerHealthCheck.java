package io.github.camelgc.grandchallenge;

import java.net.URI;
import java.util.Map;

import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.client.HttpTransport;
import io.github.camelgc.grandchallenge.producer.OutOfCredits;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a producer: the API answers {@code GET gcapi/} (open to everyone, sent without the token) and, when a
 * token is configured, accepts it on {@code GET profiles/users/self/}. Each probe is one attempt with
 * {@link HttpTransport#PROBE_TIMEOUT} on a non-retrying client, so a check answers within 2 s even when the platform
 * is down. Named {@code grandchallenge:<routeId>} (or the sanitized endpoint URI for a producer outside a route);
 * the name never carries the token.
 * <p>
 * A job-submitting producer whose algorithm the account is out of credits for is DOWN too, saying what to do: it
 * cannot do its work until credits come back, and a person usually has to act (readiness only: restarting would not
 * help, and the check itself asks nothing of the platform about credits; it reports what the last submission or
 * check found).
 */
public class GrandChallengeProducerHealthCheck extends AbstractHealthCheck {

    static final String PREFIX = "grandchallenge:";

    private final GrandChallengeEndpoint endpoint;
    private WritableHealthCheckRepository repository;

    public GrandChallengeProducerHealthCheck(GrandChallengeEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    /**
     * Registers the check of a producer in the producers' health repository, if producer checks are enabled.
     *
     * @param routeId the producer's route, or {@code null} when it is used outside a route (e.g. a template)
     * @return the registered check (to {@link #unregister()} when the producer stops), or {@code null}
     */
    public static GrandChallengeProducerHealthCheck register(GrandChallengeEndpoint endpoint, String routeId) {
        if (!endpoint.getComponent().isHealthCheckProducerEnabled()) {
            return null;
        }
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        synchronized (repository) {
            String name = routeId != null ? PREFIX + routeId : URISupport.sanitizeUri(endpoint.getEndpointUri());
            String id = name;
            // several producers in one route (e.g. submit and downloadOutputs) each get their own check
            for (int n = 2; repository.getCheck(id).isPresent(); n++) {
                id = name + "-" + n;
            }
            GrandChallengeProducerHealthCheck check = new GrandChallengeProducerHealthCheck(endpoint, id);
            check.repository = repository;
            repository.addHealthCheck(check);
            return check;
        }
    }

    /** Removes this check from the repository it was registered in. */
    public void unregister() {
        if (repository != null) {
            repository.removeHealthCheck(this);
            repository = null;
        }
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        GrandChallengeClient client = endpoint.client();
        HttpTransport transport = client.transport();
        URI base = client.baseUri();
        builder.detail("baseUrl", base.toString());
        int status;
        try {
            status = transport.probe(client.resolve("gcapi/"), false);
        } catch (GrandChallengeIoException e) {
            // the message says it all; an attached exception makes health indicators log a stack trace per probe
            builder.message("The Grand Challenge API at " + base + " is unreachable: " + e.getCause()).down();
            return;
        }
        if (status >= 400) {
            builder.message("The Grand Challenge API at " + base + " answered HTTP " + status + " to GET gcapi/")
                    .detail("http.status", status).down();
            return;
        }
        if (transport.settings().token() != null) {
            try {
                status = transport.probe(client.resolve("profiles/users/self/"), true);
            } catch (GrandChallengeIoException e) {
                builder.message("The Grand Challenge API at " + base + " is unreachable: " + e.getCause()).down();
                return;
            }
            if (status == 401 || status == 403) {
                builder.message("The API token was rejected (HTTP " + status + ")").detail("http.status", status).down();
                return;
            }
            if (status >= 400) {
                builder.message("The Grand Challenge API at " + base + " answered HTTP " + status
                                + " to GET profiles/users/self/").detail("http.status", status).down();
                return;
            }
        }
        outOfCredits(client).ifPresentOrElse(out -> builder
                .message("The account is out of credits for algorithm '" + out.algorithm() + "' since "
                         + out.since() + ": the platform refuses its jobs, and submissions wait. Credits renew over"
                         + " a rolling month (each job counts for a month); ask the platform or the algorithm's"
                         + " editors for more. Submissions resume by themselves once a check (from "
                         + out.nextCheck() + ") finds credits.")
                .detail("credits.algorithm", out.algorithm())
                .detail("credits.outSince", out.since().toString())
                .detail("credits.nextCheck", out.nextCheck().toString())
                .down(), builder::up);
    }

    /** The out-of-credits state of the algorithm this producer submits jobs to, if it has one configured. */
    private java.util.Optional<OutOfCredits.Status> outOfCredits(GrandChallengeClient client) {
        GrandChallengeConfiguration configuration = endpoint.getConfiguration();
        GrandChallengeOperations operation = configuration.getOperation() != null ? configuration.getOperation()
                : endpoint.getResourceKind().defaultOperation();
        if (endpoint.getResourceKind() != GrandChallengeKind.JOB || operation != GrandChallengeOperations.submit
            || configuration.getAlgorithm() == null) {
            return java.util.Optional.empty();
        }
        return endpoint.getComponent().outOfCredits().status(client.baseUri(), client.transport().settings().token(),
                configuration.getAlgorithm());
    }
}
