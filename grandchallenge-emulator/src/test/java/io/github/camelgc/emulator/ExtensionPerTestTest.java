package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field the extension gives every test its own, empty emulator. */
class ExtensionPerTestTest {

    @RegisterExtension
    GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @RepeatedTest(2)
    void eachTestStartsFromTheFixture() {
        assertThat(gc.state().uploads(u -> true)).isEmpty();
        ApiClient demo = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
        assertThat(demo.post("uploads/", Map.of("filename", "a.mha")).status()).isEqualTo(201);
        assertThat(gc.state().uploads(u -> true)).hasSize(1);
    }
}
