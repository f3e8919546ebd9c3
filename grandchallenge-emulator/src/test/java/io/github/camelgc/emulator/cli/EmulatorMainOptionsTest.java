package io.github.camelgc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class EmulatorMainOptionsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return EmulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parsesTheDocumentedOptions() {
        EmulatorMain options = EmulatorMain.parse("--port", "9443", "--http-port", "9080", "--admin",
                "--step-delay-ms", "250", "--cert-out", "x.pem", "--host", "0.0.0.0", "--storage", "store",
                "--phantom-cases", "1", "--keystore", "emulator.p12");
        assertThat(options.config().httpsPort()).isEqualTo(9443);
        assertThat(options.config().httpPort()).isEqualTo(9080);
        assertThat(options.config().admin()).isTrue();
        assertThat(options.config().jobStepDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.config().host()).isEqualTo("0.0.0.0");
        assertThat(options.config().storageDir()).isEqualTo(Path.of("store"));
        assertThat(options.config().phantomCases()).isEqualTo(1);
        assertThat(options.config().keystore()).isEqualTo(Path.of("emulator.p12"));
        assertThat(options.certOut()).hasToString("x.pem");
    }

    @Test
    void defaultsSuitADemo() {
        EmulatorMain options = EmulatorMain.parse();
        assertThat(options.config().httpsPort()).isEqualTo(8443);
        assertThat(options.config().httpPort()).as("no plain HTTP unless asked").isNegative();
        assertThat(options.config().jobStepDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.config().host()).isEqualTo("127.0.0.1");
        assertThat(options.config().keystore()).as("a new certificate at every start").isNull();
        assertThat(options.certOut()).isNull();
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> EmulatorMain.parse("--prot", "1")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown option").hasMessageContaining("'--prot'");
        assertThatThrownBy(() -> EmulatorMain.parse("--port", "http"))
                .hasMessage("Invalid value for option '--port': needs a number, got 'http'");
        assertThatThrownBy(() -> EmulatorMain.parse("--port", "70000"))
                .hasMessage("Invalid value for option '--port': needs a port 0-65535, got '70000'");
        assertThatThrownBy(() -> EmulatorMain.parse("--fixture", "missing.json"))
                .hasMessage("Invalid value for option '--fixture': file 'missing.json' does not exist");
        assertThatThrownBy(() -> EmulatorMain.parse("--port"))
                .hasMessageContaining("Missing required parameter for option '--port'");
    }

    @Test
    void helpAndVersionGoToStandardOutputAndExitZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: grandchallenge-emulator")
                .contains("--port=PORT").contains("--keystore=FILE.p12").contains("--cert-out=FILE.pem")
                .contains("--phantom-cases=N").contains("--admin");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("grandchallenge-emulator ");
    }

    @Test
    void anUnknownOptionPrintsTheUsageOnStandardErrorAndExitsTwo() {
        assertThat(run("--prot", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option").contains("'--prot'")
                .contains("Usage: grandchallenge-emulator");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
