package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelgc.app.platform.ConfiguredPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesSmokeIT {

    @TempDir
    Path work;

    @Test
    void routesLoadAndABadDropFailsBeforeTouchingThePlatform() throws Exception {
        AppSettings settings = AppSettings.resolve(Map.of()).withWorkDir(work);
        try (GrandChallengeService service = GrandChallengeService.start(settings,
                new ConfiguredPlatform("https://127.0.0.1:9/api/v1/", "x".repeat(64)), Tuning.forEmulator())) {
            assertThat(service.camelContext().getRoutes()).hasSizeGreaterThanOrEqualTo(7);
            Files.writeString(service.folders().inbox(WorkFolders.LOBES).resolve("notes.txt"), "hello");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.exists(work.resolve("inbox/pulmonary-lobe-segmentation/.failed/notes.txt.error.txt")));
        }
    }
}
