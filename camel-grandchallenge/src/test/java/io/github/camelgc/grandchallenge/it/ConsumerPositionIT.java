package io.github.camelgc.grandchallenge.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job consumer's saved position belongs to one platform's job list: a platform reset behind the same address is
 * noticed and its jobs are still collected; a job that never finishes is given up on once.
 */
class ConsumerPositionIT {

    @TempDir
    Path state;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void aPlatformResetBehindTheSameAddressIsNoticedAndItsJobsAreCollected() throws Exception {
        int port;
        try (GrandChallengeEmulator first = GrandChallengeEmulator.start(EmulatorConfig.defaults())) {
            port = first.httpsPort();
            try (CamelContext camel = consumer(first, "")) {
                for (int i = 0; i < 3; i++) {
                    String pk = submit(camel);
                    await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(pk));
                }
                awaitSavedOffset(camel, first);
            }
        }
        // the same address, a platform without any of those jobs (a test server reset, another deployment)
        try (GrandChallengeEmulator second = GrandChallengeEmulator.start(EmulatorConfig.defaults().httpsPort(port));
             CamelContext camel = consumer(second, "")) {
            String pk = submit(camel);
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(pk));
            assertThat(received).hasSize(4).doesNotHaveDuplicates();
        }
    }

    @Test
    void aPlatformReplacedWhileTheRoutesRunIsFollowedWithoutARestart() throws Exception {
        // the same certificate for both, as a test server keeps its certificate across a reset
        Path keystore = state.resolve("tls.p12");
        GrandChallengeEmulator first = GrandChallengeEmulator.start(EmulatorConfig.defaults().keystore(keystore));
        int port = first.httpsPort();
        try (CamelContext camel = consumer(first, "")) {
            try {
                String before = submit(camel);
                await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(before));
                awaitSavedOffset(camel, first);
            } finally {
                first.close();
            }
            // a fresh platform behind the same address: other algorithm ids, an empty job list
            try (GrandChallengeEmulator second = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                    .httpsPort(port).keystore(keystore))) {
                String after = submit(camel);
                await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(after));
                assertThat(received).hasSize(2).doesNotHaveDuplicates();
                assertThat(second.state().jobs()).as("the cached algorithm id was refreshed, the job posted once")
                        .hasSize(1);
            }
        }
    }

    @Test
    void aReplacedPlatformIsNoticedOnceAndItsPositionSavedEvenWithoutJobs() throws Exception {
        Path keystore = state.resolve("tls-empty.p12");
        MemoryStateRepository positions = new MemoryStateRepository();
        GrandChallengeEmulator first = GrandChallengeEmulator.start(EmulatorConfig.defaults().keystore(keystore));
        int port = first.httpsPort();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("positions", positions);
            camel.addComponent("grandchallenge", component(first));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("grandchallenge:job?algorithm=lung-volume-estimator&delay=100&initialDelay=0"
                         + "&offsetRepository=#positions").routeId("collect").process(e -> { });
                }
            });
            camel.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> positions.getState(positionKey(first)) != null);
            } finally {
                first.close();
            }
            // a fresh platform behind the same address, without any job of the algorithm
            try (GrandChallengeEmulator second = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                    .httpsPort(port).keystore(keystore))) {
                String newId = second.state().algorithmBySlug("lung-volume-estimator").orElseThrow().pk();
                // before: the position was saved only when reading changed it, so with no jobs every poll found the
                // old algorithm id again, warned and read the list from the start
                await().atMost(Duration.ofSeconds(20)).until(() -> String.valueOf(positions.getState(
                        positionKey(second))).contains(newId));
            }
        }
    }

    private static String positionKey(GrandChallengeEmulator gc) {
        return "job|" + gc.baseUrl() + "|lung-volume-estimator";
    }

    @Test
    void aJobThatNeverFinishesIsEmittedOnceAsTimedOut() throws Exception {
        List<Map<String, Object>> timedOut = new CopyOnWriteArrayList<>();
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults());
             CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("grandchallenge", component(gc));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("grandchallenge:job?algorithm=never-finishes&delay=100&initialDelay=0&jobTimeout=1s"
                         + "&stateDirectory=" + state).routeId("timeouts")
                            .process(e -> timedOut.add(Map.copyOf(e.getMessage().getHeaders())));
                }
            });
            camel.start();
            Job job = camel.createProducerTemplate().requestBody("grandchallenge:job?algorithm=never-finishes",
                    Map.of("patient-height", 170.0), Job.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> !timedOut.isEmpty());
            long polls = gc.requestLog().count("GET", "/api/v1/algorithms/jobs/");
            await().atMost(Duration.ofSeconds(10)).until(() -> gc.requestLog().count("GET", "/api/v1/algorithms/jobs/")
                                                               >= polls + 5);
            assertThat(timedOut).singleElement().satisfies(headers -> {
                assertThat(headers).containsEntry(GrandChallengeConstants.JOB_ID, job.pk())
                        .containsEntry(GrandChallengeConstants.JOB_TIMED_OUT, true);
                assertThat((String) headers.get(GrandChallengeConstants.JOB_STATUS)).isNotEqualTo("Succeeded");
            });
        }
    }

    private CamelContext consumer(GrandChallengeEmulator gc, String options) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("grandchallenge", component(gc));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("grandchallenge:job?algorithm=lung-volume-estimator&delay=100&initialDelay=0&stateDirectory="
                     + state + options).routeId("collect")
                        .process(e -> received.add(e.getMessage().getHeader(GrandChallengeConstants.JOB_ID,
                                String.class)));
            }
        });
        long reads = gc.requestLog().count("GET", "/api/v1/algorithms/jobs/");
        camel.start();
        // without includeExisting a job created before the consumer's first read is history, never emitted: the
        // tests submit once the consumer has read the list (a first start reads it for its baseline)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gc.requestLog().count("GET", "/api/v1/algorithms/jobs/") > reads);
        return camel;
    }

    private static String submit(CamelContext camel) {
        return camel.createProducerTemplate().requestBody("grandchallenge:job?algorithm=lung-volume-estimator",
                Map.of("patient-height", 160.0 + Math.random() * 30), Job.class).pk();
    }

    /** Waits until the consumer saved an offset past every job (its polls then start at the last one). */
    private static void awaitSavedOffset(CamelContext camel, GrandChallengeEmulator gc) {
        long polls = gc.requestLog().count("GET", "/api/v1/algorithms/jobs/");
        await().atMost(Duration.ofSeconds(10)).until(() -> gc.requestLog().count("GET", "/api/v1/algorithms/jobs/")
                                                           >= polls + 3);
    }

    private static GrandChallengeComponent component(GrandChallengeEmulator gc) {
        GrandChallengeComponent component = new GrandChallengeComponent();
        GrandChallengeConfiguration configuration = component.getConfiguration();
        configuration.setStateDirectory(EmulatorTestSupport.testStateDirectory());
        configuration.setBaseUrl(gc.baseUrl());
        configuration.setToken(gc.token("demo"));
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setKeyStore(gc.trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        configuration.setSslContextParameters(ssl);
        return component;
    }
}
