package io.github.camelgc.grandchallenge.it;

import java.io.InputStream;
import java.util.List;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.grandchallenge.LogCapture;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelgc.grandchallenge.it.SubmitAndOutputsIT.testImage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token reaches no log, whatever the levels: a whole workflow (upload, submit, wait, a retried request, output
 * downloads, health checks) runs with every logger at TRACE, HttpClient's header and wire loggers included, captured
 * in memory. Only the emulator's own loggers (the platform's side of the connection, which must read the header) are
 * left out.
 */
class TokenNeverLoggedIT extends EmulatorTestSupport {

    @Test
    void noLoggerAtAnyLevelSeesTheToken() throws Exception {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        String text;
        try (LogCapture log = LogCapture.everything(Level.TRACE, "org.eclipse.jetty", "io.github.camelgc.emulator")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:segment").routeId("segment")
                            .to("grandchallenge:job?waitForCompletion=true&waitPollInterval=50&algorithm="
                                + platform.algorithm())
                            .to("grandchallenge:job?operation=downloadOutputs");
                }
            });
            GC.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").status(503).retryAfter("0").build());
            @SuppressWarnings("unchecked")
            List<Message> outputs = template.requestBody("direct:segment", testImage("image10x10x10.mha"), List.class);
            for (Message output : outputs) {
                try (InputStream in = output.getBody(InputStream.class)) {
                    assertThat(in.readAllBytes()).isNotEmpty();
                }
            }
            producers.stream().filter(check -> check.getId().startsWith("grandchallenge:"))
                    .forEach(check -> assertThat(check.callReadiness().getState()).isEqualTo(HealthCheck.State.UP));
            assertThat(outputs).isNotEmpty().allSatisfy(m -> assertThat(m.getHeader("CamelGrandChallengeJobId"))
                    .isNotNull());
            text = log.text();
        }
        assertThat(text).as("what HttpClient's header log saw")
                .contains("org.apache.hc.client5.http.headers DEBUG")
                .contains("Authorization: Bearer ****")
                .contains("answered HTTP 503; attempt 1 of");
        assertThat(text).as("every log line at TRACE").doesNotContain(platform.token());
    }
}
