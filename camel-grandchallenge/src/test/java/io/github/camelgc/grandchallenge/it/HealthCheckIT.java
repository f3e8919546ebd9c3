package io.github.camelgc.grandchallenge.it;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.grandchallenge.LogCapture;
import io.github.camelgc.grandchallenge.client.RequestRetryStrategy;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producer readiness checks: named after their route, up with a good token, down (and saying why) with a rejected
 * one, and answering within 2 s when the platform is down or hangs (one attempt with a short timeout, never the
 * retrying client).
 */
class HealthCheckIT extends EmulatorTestSupport {

    private static final Duration FAST = Duration.ofSeconds(2);

    private HealthCheckRepository producers;

    @BeforeEach
    void enableProducerChecks() {
        producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
    }

    private Map<String, HealthCheck> checks() {
        return producers.stream().filter(check -> check.getId().startsWith("grandchallenge:"))
                .collect(Collectors.toMap(HealthCheck::getId, Function.identity()));
    }

    private void route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id).to(uri);
            }
        });
    }

    /** Calls a check, asserting it answers within 2 s. */
    private static HealthCheck.Result callFast(HealthCheck check) {
        long started = System.nanoTime();
        HealthCheck.Result result = check.callReadiness();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to answer " + check.getId())
                .isLessThan(FAST);
        return result;
    }

    @Test
    void reportsReachabilityAndTokenAcceptanceUnderTheRouteName() throws Exception {
        String wrongToken = "cd".repeat(32);
        route("good", "grandchallenge:algorithm?algorithm=" + platform.algorithm());
        route("bad", "grandchallenge:algorithm?token=" + wrongToken + "&algorithm=" + platform.algorithm());

        Map<String, HealthCheck> checks = checks();
        assertThat(checks).containsOnlyKeys("grandchallenge:good", "grandchallenge:bad");
        assertThat(callFast(checks.get("grandchallenge:good")).getState()).isEqualTo(HealthCheck.State.UP);
        HealthCheck.Result bad = callFast(checks.get("grandchallenge:bad"));
        assertThat(bad.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(bad.getMessage().orElse("")).contains("The API token was rejected").doesNotContain(wrongToken);
    }

    @Test
    void producersOutsideARouteAndSeveralInOneRouteGetDistinctNamesWithoutTheToken() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:twice").routeId("twice")
                        .to("grandchallenge:job?operation=get")
                        .to("grandchallenge:job?operation=downloadOutputs");
            }
        });
        String token = "ef".repeat(32);
        Producer outside = context.getEndpoint("grandchallenge:algorithm?algorithm=x&token=" + token).createProducer();
        outside.start();
        try {
            assertThat(checks().keySet()).contains("grandchallenge:twice", "grandchallenge:twice-2")
                    .anySatisfy(id -> assertThat(id).startsWith("grandchallenge://algorithm?"))
                    .allSatisfy(id -> assertThat(id).doesNotContain(token));
        } finally {
            outside.stop();
        }
    }

    @Test
    void answersWithinTwoSecondsWhenThePlatformIsDown() throws Exception {
        route("down", "grandchallenge:algorithm?algorithm=" + platform.algorithm());
        HealthCheck check = checks().get("grandchallenge:down");
        assertThat(callFast(check).getState()).isEqualTo(HealthCheck.State.UP);

        GC.emulator().pause();
        try (LogCapture retries = LogCapture.of(Level.WARN, RequestRetryStrategy.class.getName())) {
            for (int i = 0; i < 3; i++) {
                HealthCheck.Result result = callFast(check);
                assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(result.getMessage().orElse("")).contains("is unreachable").contains(GC.baseUrl());
            }
            assertThat(retries.text()).as("a health check never takes the retrying path").isEmpty();
        } finally {
            GC.emulator().resume();
        }
        assertThat(callFast(check).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void camelMainReadinessWithThePlatformDownAnswersWithinTwoSecondsPerCheck() throws Exception {
        Main main = new Main();
        main.bind("grandchallenge", componentFor(GC));
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:inspect").routeId("inspect").to("grandchallenge:algorithm?algorithm=" + platform.algorithm());
                from("direct:follow").routeId("follow").to("grandchallenge:job?operation=get");
            }
        });
        main.start();
        GC.emulator().pause();
        try {
            long started = System.nanoTime();
            List<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(main.getCamelContext()).stream()
                    .filter(r -> r.getCheck().getId().startsWith("grandchallenge:")).toList();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(results).extracting(r -> r.getCheck().getId())
                    .containsExactlyInAnyOrder("grandchallenge:inspect", "grandchallenge:follow");
            assertThat(results).allSatisfy(r -> {
                assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(r.getMessage().orElse("")).contains("is unreachable");
            });
            assertThat(took).as("readiness of all checks").isLessThan(FAST.multipliedBy(results.size()));
        } finally {
            GC.emulator().resume();
            main.stop();
        }
    }

    @Test
    void answersWithinTwoSecondsWhenThePlatformAcceptsConnectionsButNeverAnswers() throws Exception {
        // a listening socket nobody accepts from: TCP connects, the TLS handshake never completes
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            route("hung", "grandchallenge:algorithm?algorithm=x&baseUrl=https://127.0.0.1:" + silent.getLocalPort()
                          + "/api/v1/");
            HealthCheck.Result result = callFast(checks().get("grandchallenge:hung"));
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage().orElse("")).contains("is unreachable").contains("timed out");
        }
    }

    @Test
    void aSlowAnswerCountsAsDownAfterTheProbeTimeout() throws Exception {
        route("slow", "grandchallenge:algorithm?algorithm=" + platform.algorithm());
        GC.requestLog().clear();
        GC.faults().add(FaultRule.matching("GET", "/api/v1/gcapi/").latency(Duration.ofMillis(1500)).build());
        HealthCheck.Result result = callFast(checks().get("grandchallenge:slow"));
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage().orElse("")).contains("is unreachable").contains("timed out");
        // the emulator answers the abandoned request later; let it finish before the emulator may stop
        await().atMost(Duration.ofSeconds(5)).until(() -> GC.requestLog().count(e -> e.path().endsWith("/gcapi/")) == 1);
    }

    @Test
    void checksAreRemovedWithTheirRoute() throws Exception {
        route("gone", "grandchallenge:algorithm?algorithm=" + platform.algorithm());
        assertThat(checks()).containsKey("grandchallenge:gone");
        context.getRouteController().stopRoute("gone");
        context.removeRoute("gone");
        assertThat(checks()).doesNotContainKey("grandchallenge:gone");
        assertThat(List.copyOf(checks().keySet())).isEmpty();
    }
}
