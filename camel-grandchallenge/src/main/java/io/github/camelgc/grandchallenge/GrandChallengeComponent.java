package io.github.camelgc.grandchallenge;

import java.util.Map;

import io.github.camelgc.grandchallenge.client.SharedClients;
import io.github.camelgc.grandchallenge.outputs.InputNames;
import io.github.camelgc.grandchallenge.state.StateStores;
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
    private final StateStores stateStores = new StateStores();
    private final InputNames inputNames = new InputNames();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GrandChallengeConfiguration endpointConfiguration = configuration.copy();
        // multi-value options are not bound by the configurer: socketFileName.<slug>=<pattern>
        endpointConfiguration.getSocketFileNames()
                .putAll(org.apache.camel.util.PropertiesHelper.extractProperties(parameters, "socketFileName."));
        GrandChallengeEndpoint endpoint = new GrandChallengeEndpoint(uri, this, GrandChallengeKind.fromPath(remaining),
                endpointConfiguration);
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

    private java.util.concurrent.ScheduledExecutorService scheduler;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "GrandChallengeScheduler");
    }

    /** The component's scheduler: waits (back-pressure, job completion) run here instead of sleeping threads. */
    public java.util.concurrent.ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The default file-based state stores. */
    StateStores stateStores() {
        return stateStores;
    }

    /** The input image names of jobs, shared by every endpoint. */
    InputNames inputNames() {
        return inputNames;
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler);
            scheduler = null;
        }
        stateStores.stopAll();
        clients.closeAll();
        super.doStop();
    }
}
