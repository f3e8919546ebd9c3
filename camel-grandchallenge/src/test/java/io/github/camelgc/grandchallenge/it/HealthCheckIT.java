package io.github.camelgc.grandchallenge.it;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer readiness check: up with a good token, down (and saying why) with a rejected one. */
class HealthCheckIT extends EmulatorTestSupport {

    @Test
    void reportsReachabilityAndTokenAcceptance() throws Exception {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").to("grandchallenge:algorithm?algorithm=" + platform.algorithm());
                from("direct:bad").routeId("bad").to("grandchallenge:algorithm?token=" + "cd".repeat(32)
                                                      + "&algorithm=" + platform.algorithm());
            }
        });
        List<HealthCheck.Result> results = producers.stream()
                .filter(check -> check.getId().startsWith("producer:grandchallenge")).map(HealthCheck::callReadiness)
                .toList();
        assertThat(results).extracting(HealthCheck.Result::getState)
                .containsExactlyInAnyOrder(HealthCheck.State.UP, HealthCheck.State.DOWN);
        assertThat(results).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("The API token was rejected"));
    }
}
