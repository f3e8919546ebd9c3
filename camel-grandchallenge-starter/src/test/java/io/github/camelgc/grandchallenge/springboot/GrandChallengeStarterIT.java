package io.github.camelgc.grandchallenge.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.springboot.app.ScanApplication;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Spring Boot application with the starter, configured by {@code application.properties} only, against the
 * emulator: the properties bind (values, durations, bean references, per-socket maps), a file route submits a scan
 * and a job consumer collects its result, the component's meters are in Spring Boot's registry
 * ({@code /actuator/metrics}), and {@code /actuator/health} shows the component's producer checks under
 * their route names, answering within 2 s with DOWN while the platform is down.
 */
class GrandChallengeStarterIT {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    private static final Path SCAN = Path.of("../camel-grandchallenge/src/test/resources/images/image10x10x10.mha");
    private static final Duration FAST = Duration.ofSeconds(2);

    @TempDir
    Path folders;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FAST).build();

    @Test
    void anApplicationConfiguredByPropertiesSubmitsCollectsAndReportsItsHealth() throws Exception {
        Path inbox = Files.createDirectories(folders.resolve("inbox"));
        Path outbox = folders.resolve("outbox");
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("gc.base-url", GC.baseUrl());
        environment.put("gc.token", GC.token("demo"));
        environment.put("gc.certificate", GC.certificateFile().toString());
        environment.put("gc.state", folders.resolve("state").toString());
        environment.put("scans.inbox", inbox.toString());
        environment.put("scans.outbox", outbox.toString());

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ScanApplication.class)
                .properties(environment).run()) {
            GrandChallengeConfiguration bound = app.getBean(CamelContext.class)
                    .getComponent("grandchallenge", GrandChallengeComponent.class).getConfiguration();
            assertThat(bound.getBaseUrl()).isEqualTo(GC.baseUrl());
            assertThat(bound.getToken()).isEqualTo(GC.token("demo"));
            assertThat(bound.getTrustCertificates()).isEqualTo("file:" + GC.certificateFile());
            assertThat(bound.getRetryMaxDelay()).isEqualTo(2000);
            assertThat(bound.getUploadProgressListener()).isSameAs(app.getBean("progress"));
            assertThat(bound.getSocketFileNames()).containsEntry("pulmonary-lobes", "{input}_lobes{ext}");

            Path hidden = Files.copy(SCAN, inbox.resolve(".case01.mha"));
            Files.move(hidden, inbox.resolve("case01.mha"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(outbox.resolve("case01_lobes.mha")));
            assertThat(app.getBean(ScanApplication.UploadedBytes.class).bytes.get()).isEqualTo(Files.size(SCAN));

            String actuator = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                              + "/actuator/";
            String health = actuator + "health";
            // the component's meters are in Spring Boot's registry
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(new ObjectMapper()
                    .readTree(get(actuator + "metrics/grandchallenge.jobs.succeeded").body())
                    .at("/measurements/0/value").asDouble()).isEqualTo(1.0));
            assertThat(new ObjectMapper().readTree(get(actuator + "metrics/grandchallenge.jobs.submitted").body())
                    .at("/measurements/0/value").asDouble()).isEqualTo(1.0);
            HttpResponse<String> up = get(health);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(camelChecks(up.body())).as(up.body()).isPresent();
            JsonNode checks = camelChecks(up.body()).orElseThrow();
            assertThat(checks.path("grandchallenge:submit-scans").asText()).isEqualTo("UP");
            assertThat(checks.path("grandchallenge:collect-results").asText()).isEqualTo("UP");

            GC.emulator().pause();
            try {
                long started = System.nanoTime();
                HttpResponse<String> down = get(health);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(camelChecks(down.body()).orElseThrow().path("grandchallenge:submit-scans").asText())
                        .isEqualTo("DOWN");
            } finally {
                GC.emulator().resume();
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The details of the health component that holds Camel's checks (whatever its name). */
    private static Optional<JsonNode> camelChecks(String body) throws Exception {
        JsonNode components = new ObjectMapper().readTree(body).path("components");
        for (JsonNode component : components) {
            if (component.path("details").has("grandchallenge:submit-scans")) {
                return Optional.of(component.path("details"));
            }
        }
        return Optional.empty();
    }
}
