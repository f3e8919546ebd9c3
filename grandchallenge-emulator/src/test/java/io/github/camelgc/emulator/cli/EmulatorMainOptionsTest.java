package io.github.camelgc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorMainOptionsTest {

    @Test
    void parsesTheDocumentedOptions() {
        EmulatorMain.Options options = EmulatorMain.Options.parse(new String[] {"--port", "9443", "--http-port", "9080",
            "--admin", "--step-delay-ms", "250", "--cert-out", "x.pem", "--host", "0.0.0.0"});
        assertThat(options.config().httpsPort()).isEqualTo(9443);
        assertThat(options.config().httpPort()).isEqualTo(9080);
        assertThat(options.config().admin()).isTrue();
        assertThat(options.config().jobStepDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.config().host()).isEqualTo("0.0.0.0");
        assertThat(options.certOut()).hasToString("x.pem");
    }

    @Test
    void defaultsSuitADemo() {
        EmulatorMain.Options options = EmulatorMain.Options.parse(new String[0]);
        assertThat(options.config().httpsPort()).isEqualTo(8443);
        assertThat(options.config().httpPort()).as("no plain HTTP unless asked").isNegative();
        assertThat(options.config().jobStepDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> EmulatorMain.Options.parse(new String[] {"--prot", "1"}))
                .hasMessage("Unknown option '--prot'");
        assertThatThrownBy(() -> EmulatorMain.Options.parse(new String[] {"--port", "http"}))
                .hasMessage("Option --port needs a number, got 'http'");
        assertThatThrownBy(() -> EmulatorMain.Options.parse(new String[] {"--port", "70000"}))
                .hasMessage("Option --port needs a port 0-65535, got '70000'");
        assertThatThrownBy(() -> EmulatorMain.Options.parse(new String[] {"--fixture", "missing.json"}))
                .hasMessage("Fixture file 'missing.json' does not exist");
        assertThatThrownBy(() -> EmulatorMain.Options.parse(new String[] {"--port"}))
                .hasMessage("Option --port needs a value");
    }
}
