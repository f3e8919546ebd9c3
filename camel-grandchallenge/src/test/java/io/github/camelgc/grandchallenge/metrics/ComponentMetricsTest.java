package io.github.camelgc.grandchallenge.metrics;

import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Meters only with a MeterRegistry bean (the composite one among several); without one, nothing is recorded. */
class ComponentMetricsTest {

    @Test
    void withoutAMeterRegistryNothingIsRecorded() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            GrandChallengeComponent component = started(camel);
            assertThat(component.metrics()).isSameAs(ComponentMetrics.NONE);
        }
    }

    @Test
    void aMeterRegistryBeanReceivesTheMeters() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("registry", registry);
            started(camel).metrics().jobSubmitted("some-algorithm");
        }
        assertThat(registry.get(MicrometerMetrics.JOBS_SUBMITTED).tag("algorithm", "some-algorithm").counter().count())
                .isEqualTo(1);
    }

    @Test
    void amongSeveralRegistriesTheCompositeOneIsUsed() throws Exception {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        SimpleMeterRegistry behindComposite = new SimpleMeterRegistry();
        composite.add(behindComposite);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("simple", simple);
            camel.getRegistry().bind("composite", composite);
            started(camel).metrics().retried("503");
        }
        assertThat(behindComposite.get(MicrometerMetrics.HTTP_RETRIES).counter().count()).isEqualTo(1);
        assertThat(simple.find(MicrometerMetrics.HTTP_RETRIES).counter()).isNull();
    }

    private static GrandChallengeComponent started(CamelContext camel) {
        GrandChallengeComponent component = new GrandChallengeComponent();
        camel.addComponent("grandchallenge", component);
        camel.start();
        return component;
    }
}
