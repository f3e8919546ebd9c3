package io.github.camelgc.app.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service's operations endpoint over HTTP: after three scans went through workflow 1, {@code /metrics}
 * counts three jobs submitted and three succeeded with their uploads and downloads; {@code /health/ready} lists the
 * component's producer checks and turns DOWN (503) quickly while the platform is down, {@code /health/live} stays UP.
 */
class OpsEndpointIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    private static final String LOBES = "algorithm=\"pulmonary-lobe-segmentation\"";
    private static final int SCANS = 3;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void metricsCountAKnownRunAndReadinessFollowsThePlatform() throws Exception {
        try (GrandChallengeService service = GrandChallengeService.start(AppSettings.resolve(Map.of()).withWorkDir(work),
                EmbeddedPlatform.of(gc.emulator()), Tuning.forEmulator())) {
            URI ops = service.opsUrl().orElseThrow();
            assertThat(ops.getHost()).as("loopback by default").isEqualTo("127.0.0.1");
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            long uploaded = 0;
            for (int i = 1; i <= SCANS; i++) {
                uploaded += Files.size(scan(inbox.resolve("scan" + i + ".mha"), i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(outbox.resolve("scan1_lobes.mha"))
                    && Files.exists(outbox.resolve("scan2_lobes.mha")) && Files.exists(outbox.resolve("scan3_lobes.mha")));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    metric(get(ops, "metrics").body(), "grandchallenge_jobs_succeeded_total", LOBES).orElse(0) == SCANS);

            HttpResponse<String> scrape = get(ops, "metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            String metrics = scrape.body();
            assertThat(metric(metrics, "grandchallenge_jobs_submitted_total", LOBES)).hasValue(SCANS);
            assertThat(metric(metrics, "grandchallenge_upload_bytes_count", "")).hasValue(SCANS);
            assertThat(metric(metrics, "grandchallenge_upload_bytes_sum", "")).hasValue(uploaded);
            assertThat(metric(metrics, "grandchallenge_upload_duration_seconds_count", "")).hasValue(SCANS);
            assertThat(metric(metrics, "grandchallenge_download_bytes_count", "")).hasValue(SCANS);
            assertThat(metric(metrics, "grandchallenge_download_bytes_sum", "").orElse(0)).isPositive();
            assertThat(metric(metrics, "grandchallenge_poll_duration_seconds_count", LOBES).orElse(0)).isPositive();
            assertThat(metric(metrics, "grandchallenge_poll_jobs_sum", LOBES)).hasValue(SCANS);
            assertThat(metrics).contains("jvm_memory_used_bytes").doesNotContain(gc.token("demo"));

            HttpResponse<String> ready = get(ops, "health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode readiness = new ObjectMapper().readTree(ready.body());
            assertThat(readiness.path("status").asText()).as(ready.body()).isEqualTo("UP");
            assertThat(state(readiness, "grandchallenge:segment-lobes-submit")).isEqualTo("UP");

            gc.emulator().pause();
            try {
                long started = System.nanoTime();
                HttpResponse<String> down = get(ops, "health/ready");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(down.statusCode()).isEqualTo(503);
                JsonNode notReady = new ObjectMapper().readTree(down.body());
                assertThat(state(notReady, "grandchallenge:segment-lobes-submit")).isEqualTo("DOWN");
                assertThat(down.body()).contains("unreachable").doesNotContain(gc.token("demo"));
                assertThat(get(ops, "health/live").statusCode()).as("alive while the platform is down").isEqualTo(200);
            } finally {
                gc.emulator().resume();
            }
            assertThat(get(ops, "nothing-here").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(URI ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(ops.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a Prometheus sample whose labels contain {@code labels}. */
    private static OptionalDouble metric(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (sample.group(1) == null ? labels.isEmpty() : sample.group(1).contains(labels)) {
                return OptionalDouble.of(Double.parseDouble(sample.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    private static String state(JsonNode health, String id) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("id").asText().equals(id)) {
                return check.path("state").asText();
            }
        }
        return "absent";
    }

    /** A small valid CT scan, distinct per seed, written under a hidden name and moved in (the inbox sees it whole). */
    private static Path scan(Path file, int seed) throws Exception {
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 16, 16, 8));
        for (long i = 0; i < image.elementCount(); i++) {
            image.setLong(i, (i + seed) % 3 == 0 ? -1000 : 40 + seed);
        }
        Path hidden = file.resolveSibling("." + file.getFileName());
        MetaImageWriter.write(hidden, image);
        return Files.move(hidden, file);
    }
}
