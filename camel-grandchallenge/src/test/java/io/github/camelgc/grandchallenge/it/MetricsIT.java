package io.github.camelgc.grandchallenge.it;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.BACKPRESSURE_WAITS;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.DOWNLOAD_BYTES;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.DOWNLOAD_DURATION;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.HTTP_RETRIES;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.JOBS_SUBMITTED;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.JOBS_SUCCEEDED;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.POLL_DURATION;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.POLL_JOBS;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.UPLOAD_BYTES;
import static io.github.camelgc.grandchallenge.metrics.MicrometerMetrics.UPLOAD_DURATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a {@code MeterRegistry} bean the component records its meters: two scans submitted one at a time (the
 * platform allows one active job, so the second waits), one request answered 503 once, both jobs collected by a
 * consumer and their outputs downloaded give exactly these counts.
 */
class MetricsIT extends CamelTestSupport {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().phantomCases(0)
            .maxActiveJobsPerUser(1).jobStepDelay(Duration.ofMillis(100)).build();

    private static final String SLUG = "pulmonary-lobe-segmentation";

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path outputs;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = GC.configure(super.createCamelContext());
        camel.getRegistry().bind("meters", meters);
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("grandchallenge:job?algorithm=" + SLUG + "&activeJobsRetryDelay=200ms");
                from("grandchallenge:job?algorithm=" + SLUG + "&delay=200ms&initialDelay=0")
                        .to("grandchallenge:job?operation=downloadOutputs&outputDirectory=" + outputs)
                        .to("mock:collected");
            }
        };
    }

    @Test
    void jobsTransfersPollsWaitsAndRetriesAreCounted() throws Exception {
        GC.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").times(1).status(503).build());
        File scan = SubmitAndOutputsIT.testImage("image10x10x10.mha");
        MockEndpoint collected = getMockEndpoint("mock:collected");
        collected.expectedMessageCount(2);
        collected.setResultWaitTime(60_000);

        template.asyncSendBody("direct:submit", scan);
        template.asyncSendBody("direct:submit", scan.toPath().resolveSibling("mask.mha").toFile());
        collected.assertIsSatisfied();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.get(JOBS_SUCCEEDED).tag("algorithm", SLUG).counter().count()).isEqualTo(2));
        assertThat(meters.get(JOBS_SUBMITTED).tag("algorithm", SLUG).counter().count()).isEqualTo(2);
        assertThat(meters.get(UPLOAD_BYTES).summary().count()).isEqualTo(2);
        assertThat(meters.get(UPLOAD_BYTES).summary().totalAmount())
                .isEqualTo((double) scan.length() + scan.toPath().resolveSibling("mask.mha").toFile().length());
        assertThat(meters.get(UPLOAD_DURATION).timer().count()).isEqualTo(2);
        assertThat(meters.get(DOWNLOAD_BYTES).summary().count()).isEqualTo(2);
        assertThat(meters.get(DOWNLOAD_BYTES).summary().totalAmount()).isPositive();
        assertThat(meters.get(DOWNLOAD_DURATION).timer().count()).isEqualTo(2);
        assertThat(meters.get(POLL_DURATION).tag("algorithm", SLUG).timer().count()).isPositive();
        assertThat(meters.get(POLL_JOBS).tag("algorithm", SLUG).summary().totalAmount()).isEqualTo(2);
        assertThat(meters.get(BACKPRESSURE_WAITS).tag("algorithm", SLUG).counter().count()).isPositive();
        assertThat(meters.get(HTTP_RETRIES).tag("cause", "503").counter().count()).isEqualTo(1);
        assertThat(meters.find("grandchallenge.jobs.failed").counters()).isEmpty();
    }
}
