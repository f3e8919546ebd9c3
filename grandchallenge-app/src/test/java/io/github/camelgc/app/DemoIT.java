package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --demo} runs all four workflows against the embedded emulator and exits 0. */
class DemoIT {

    @TempDir
    Path work;

    @Test
    void demoCompletesEveryWorkflowAndSaysWhereResultsAre() throws Exception {
        assumeTrue(System.getenv(AppSettings.TOKEN_ENV) == null,
                "a platform token is configured: the demo would run against that platform, not the emulator");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            exitCode = GrandChallengeApp.run(new String[] {"--demo", "--work-dir", work.toString()}, out);
        }
        String printed = console.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as(printed).isZero();
        assertThat(printed).contains("EMBEDDED EMULATOR").contains("all four workflows completed");
        Path lobes = work.resolve("outbox/pulmonary-lobe-segmentation");
        assertThat(lobes.resolve("case01_lobes.mha")).isNotEmptyFile();
        assertThat(lobes.resolve("case02_lungs.mha")).isNotEmptyFile();
        Path registration = work.resolve("outbox/deep-learning-based-ct-lung-registration/case01-vs-case02");
        assertThat(registration.resolve("displacement-field.mha")).isNotEmptyFile();
        assertThat(registration.resolve("registered-moving-image.mha")).isNotEmptyFile();
        assertThat(WorkflowsIT.visible(work.resolve("outbox/coronacasesorg/output_scans"))).isNotEmpty();
        assertThat(WorkflowsIT.visible(work.resolve("outbox/coronacasesorg/output_screenshots")))
                .hasSameSizeAs(WorkflowsIT.visible(work.resolve("outbox/coronacasesorg/output_scans")));
        assertThat(printed).contains("outbox/deep-learning-based-ct-lung-registration/case01-vs-case02/"
                + "displacement-field.mha");
    }
}
