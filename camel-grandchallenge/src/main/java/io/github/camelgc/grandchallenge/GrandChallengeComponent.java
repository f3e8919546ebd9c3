package io.github.camelgc.grandchallenge;

import java.util.Map;

import io.github.camelgc.grandchallenge.client.SharedClients;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code grandchallenge:} component: run Grand Challenge algorithms and use its archives from Camel routes. */
@Component("grandchallenge")
public class GrandChallengeComponent extends HealthCheckComponent {

    @Metadata
    private GrandChallengeConfiguration configuration = new GrandChallengeConfiguration();

    private final SharedClients clients = new SharedClients();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GrandChallengeEndpoint endpoint = new GrandChallengeEndpoint(uri, this, GrandChallengeKind.fromPath(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public GrandChallengeConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component-level configuration: the defaults every endpoint starts from.
     */
    public void setConfiguration(GrandChallengeConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Clients shared by endpoints with the same connection settings. */
    SharedClients clients() {
        return clients;
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        super.doStop();
    }
}
