package io.github.camelgc.grandchallenge;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

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
    private volatile ScheduledExecutorService scheduler;

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

    /**
     * The component's one timer thread (from Camel's ExecutorServiceManager, stopped with the component), for waits
     * that must not block a route thread, e.g. resubmitting after "too many active jobs". Schedule short tasks only:
     * it is a single thread shared by every endpoint.
     *
     * @throws IllegalStateException when the component is not started
     */
    public ScheduledExecutorService scheduler() {
        ScheduledExecutorService current = scheduler;
        if (current == null) {
            throw new IllegalStateException("The grandchallenge component is not started");
        }
        return current;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                "GrandChallengeScheduler", 1);
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        clients.closeAll();
        super.doStop();
    }
}
