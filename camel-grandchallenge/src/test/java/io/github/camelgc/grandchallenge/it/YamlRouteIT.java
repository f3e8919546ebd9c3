package io.github.camelgc.grandchallenge.it;

import java.util.concurrent.atomic.AtomicReference;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.model.Algorithm;
import org.apache.camel.Processor;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A YAML DSL route with a parameters map, configured through Camel Main properties, runs against the emulator. */
class YamlRouteIT {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().build();

    @Test
    void yamlRouteInspectsAnAlgorithm() throws Exception {
        AtomicReference<Algorithm> seen = new AtomicReference<>();
        Main main = new Main();
        main.bind("capture", (Processor) e -> seen.set(e.getMessage().getBody(Algorithm.class)));
        main.bind("emulatorTls", EmulatorTestSupport.trust(GC));
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/inspect.camel.yaml");
        main.addInitialProperty("camel.main.durationMaxMessages", "1");
        main.addInitialProperty("camel.component.grandchallenge.base-url", GC.baseUrl());
        main.addInitialProperty("camel.component.grandchallenge.token", GC.token("demo"));
        main.addInitialProperty("camel.component.grandchallenge.ssl-context-parameters", "#emulatorTls");
        main.run();

        assertThat(seen.get()).isNotNull();
        assertThat(seen.get().slug()).isEqualTo("lung-volume-estimator");
        assertThat(seen.get().effectiveInterfaces()).hasSize(2);
    }
}
