package io.github.camelgc.grandchallenge;

import java.util.Map;

import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a producer: the API answers {@code GET gcapi/} (open to everyone) and, when a token is configured,
 * accepts it on {@code GET profiles/users/self/}.
 */
public class GrandChallengeProducerHealthCheck extends AbstractHealthCheck {

    private final GrandChallengeEndpoint endpoint;

    public GrandChallengeProducerHealthCheck(GrandChallengeEndpoint endpoint, String clientId) {
        super("camel", "producer:grandchallenge-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        GrandChallengeClient client = endpoint.client();
        String baseUrl = endpoint.getConfiguration().getBaseUrl();
        builder.detail("baseUrl", baseUrl);
        try {
            client.apiVersion();
        } catch (RuntimeException e) {
            builder.message("Grand Challenge API not reachable at " + baseUrl + ": " + e.getMessage()).error(e).down();
            return;
        }
        if (ApiToken.fromConfigurationOrEnvironment(endpoint.getConfiguration().getToken()) != null) {
            try {
                client.currentUser();
            } catch (GrandChallengeApiException e) {
                builder.message(e.getStatusCode() == 401 ? "The API token was rejected" : e.getMessage())
                        .detail("http.status", e.getStatusCode()).error(e).down();
                return;
            } catch (RuntimeException e) {
                builder.message(e.getMessage()).error(e).down();
                return;
            }
        }
        builder.up();
    }
}
