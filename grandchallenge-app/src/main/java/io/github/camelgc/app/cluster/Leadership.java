package io.github.camelgc.app.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node runs the routes that must run once per work folder: the result and archive pollers, the lung masks and
 * the registration case scan. They name {@code routePolicy: "#leaderOnly"}, Camel's {@link ClusteredRoutePolicy}: the
 * routes run on the node that leads the namespace {@value #NAMESPACE} of the context's {@link CamelClusterService}
 * and start on another node when it stops leading.
 * <p>
 * The cluster service is whatever Camel Main configured ({@code camel.cluster.file.*}, {@code camel.cluster.zookeeper.*},
 * {@code camel.cluster.consul.*}, … or a bean); without one it is camel-file's {@link FileLockClusterService} on
 * {@code state/cluster/} in the work folder, which every node sharing the folder sees. Its leader renews a
 * heartbeat every {@value #HEARTBEAT_SECONDS} s and holds an OS lock on the file; a follower takes over once the
 * heartbeat is {@value #HEARTBEAT_TIMEOUT_MULTIPLIER} beats old (a node killed with SIGKILL: about 5 s), and never
 * while the lock is held.
 */
public final class Leadership extends MainListenerSupport {

    /** The bean name the routes refer to. */
    public static final String POLICY = "leaderOnly";
    /** The cluster namespace the work folder's single-node routes share. */
    public static final String NAMESPACE = "grandchallenge-pollers";
    static final long HEARTBEAT_SECONDS = 1;
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 4;

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

    private final Path root;
    private CamelClusterView view;
    private boolean leading;
    private final CamelClusterEventListener.Leadership announcer = (changed, leader) -> announce(changed);

    private Leadership(Path root) {
        this.root = root;
    }

    /**
     * Binds the policy and makes sure the Camel context has a cluster service.
     *
     * @param root where the default cluster service keeps its lock files (shared by every node of the folder)
     */
    public static void install(Main main, Path root) throws Exception {
        main.bind(POLICY, ClusteredRoutePolicy.forNamespace(NAMESPACE));
        main.addMainListener(new Leadership(root));
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            if (context.hasServices(CamelClusterService.class).isEmpty()
                    && context.getRegistry().findByType(CamelClusterService.class).isEmpty()) {
                context.addService(defaultService(), true, false);
            }
            context.addService(new Announcer(), true, false);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add the cluster service on " + root + ": " + e.getMessage(), e);
        }
    }

    /** camel-file's file lock on the shared work folder, with a heartbeat fast enough for failover in seconds. */
    private FileLockClusterService defaultService() {
        FileLockClusterService service = new FileLockClusterService();
        service.setId("grandchallenge-file-lock");
        service.setRoot(root.toString());
        service.setAcquireLockDelay(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        service.setAcquireLockInterval(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        service.setHeartbeatTimeoutMultiplier(HEARTBEAT_TIMEOUT_MULTIPLIER);
        return service;
    }

    /** One console line when this node starts or stops running the single-node routes. */
    private final class Announcer extends ServiceSupport implements CamelContextAware {

        private CamelContext camelContext;

        @Override
        protected void doStart() throws Exception {
            CamelClusterService service = ClusterServiceHelper.mandatoryLookupService(camelContext);
            view = service.getView(NAMESPACE);
            view.addEventListener(announcer);
            announce(view);
        }

        @Override
        protected void doStop() throws Exception {
            if (view != null) {
                view.removeEventListener(announcer);
                view.getClusterService().releaseView(view);
                view = null;
            }
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
        }
    }

    private synchronized void announce(CamelClusterView changed) {
        boolean leader = changed.getLocalMember().isLeader();
        if (leader != leading) {
            leading = leader;
            CONSOLE.info(leader ? "this node now collects results (leader of {})"
                    : "this node no longer collects results (another node leads {})", NAMESPACE);
        }
    }
}
