package io.github.camelgc.grandchallenge;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelgc.grandchallenge.client.SharedClients;
import io.github.camelgc.grandchallenge.metrics.ComponentMetrics;
import io.github.camelgc.grandchallenge.outputs.InputNames;
import io.github.camelgc.grandchallenge.producer.OutOfCredits;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import io.github.camelgc.grandchallenge.state.StateStores;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code grandchallenge:} component: run Grand Challenge algorithms and use its archives from Camel routes. */
@Component("grandchallenge")
public class GrandChallengeComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private GrandChallengeConfiguration configuration = new GrandChallengeConfiguration();

    @Metadata(label = "advanced",
              description = "Where endpoints keep consumer positions, submission marks and what consumers emitted when"
                            + " they name no repository of their own (e.g. a database shared by several nodes)."
                            + " Default: files in each endpoint's stateDirectory.")
    private StateStoreFactory stateStoreFactory;

    private final SharedClients clients = new SharedClients();
    private final StateStores stateStores = new StateStores();
    private final InputNames inputNames = new InputNames();
    private final SubmittedJobs submittedJobs = new SubmittedJobs();
    private final OutOfCredits outOfCredits = new OutOfCredits(java.time.Clock.systemUTC());
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workers;
    private volatile ComponentMetrics metrics = ComponentMetrics.NONE;

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

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return configuration.isUseGlobalSslContextParameters();
    }

    /**
     * Use the Camel context's global SSL context parameters (the component-level default of the option of the same
     * name).
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        configuration.setUseGlobalSslContextParameters(useGlobalSslContextParameters);
    }

    /**
     * Where the component reports jobs, transfers, polls, back-pressure waits and retries: Micrometer meters when the
     * Camel registry held a {@code MeterRegistry} at start, else nothing.
     */
    public ComponentMetrics metrics() {
        return metrics;
    }

    public StateStoreFactory getStateStoreFactory() {
        return stateStoreFactory;
    }

    /**
     * Where endpoints keep consumer positions, submission marks and what consumers emitted when they name no
     * repository of their own (e.g. a database shared by several nodes). Default: files in each endpoint's
     * stateDirectory.
     */
    public void setStateStoreFactory(StateStoreFactory stateStoreFactory) {
        this.stateStoreFactory = stateStoreFactory;
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

    /**
     * Threads (Camel's default thread pool profile) that run what the {@link #scheduler()} hands over when its time
     * has come: a post after a back-pressure wait, a poll of a job being waited for, and the rest of the exchange's
     * route after it.
     */
    public ExecutorService workers() {
        ExecutorService current = workers;
        if (current == null) {
            throw new IllegalStateException("The grandchallenge component is not started");
        }
        return current;
    }

    /** The default file-based state stores. */
    StateStores stateStores() {
        return stateStores;
    }

    /** The input image names of jobs, shared by every endpoint. */
    InputNames inputNames() {
        return inputNames;
    }

    /** The jobs this component submitted, shared by every endpoint. */
    public SubmittedJobs submittedJobs() {
        return submittedJobs;
    }

    /**
     * The algorithms this component's accounts are out of credits for, shared by every endpoint (submissions fail
     * fast on it, health checks report it); listeners are told when an algorithm runs out and when it has credits
     * again.
     */
    public OutOfCredits outOfCredits() {
        return outOfCredits;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        metrics = ComponentMetrics.lookup(getCamelContext());
        scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                "GrandChallengeScheduler", 1);
        workers = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "GrandChallengeWorker");
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        stateStores.stopAll();
        clients.closeAll();
        super.doStop();
    }
}
