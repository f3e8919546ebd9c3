package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The service's command line: help, version and wrong usage, without starting anything. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return GrandChallengeApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOptionOnStandardOutput() {
        for (String help : new String[] {"--help", "-h"}) {
            assertThat(run(help)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: grandchallenge-app")
                    .contains("--demo").contains("--work-dir=DIR").contains("--routes=DIR").contains("--version")
                    .contains("GRAND_CHALLENGE_AUTHORIZATION");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void versionNamesTheCommand() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("grandchallenge-app ");
    }

    @Test
    void wrongUsageExitsTwoWithTheUsageOnStandardError() {
        assertThat(run("--demo", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--frobnicate'")
                .contains("Usage: grandchallenge-app");
        assertThat(run("--work-dir")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--work-dir");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing started").isEmpty();
    }
}
