package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.server.RequestLog;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsAndAdminTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().admin(true)
            .jobStepDelay(Duration.ofMillis(200)) // leaves time to hold a job before it moves on
            .httpPort(0).build();

    private static ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    private static ApiClient admin() {
        return new ApiClient(gc.sslContext(), gc.baseUrl().replace("/api/v1/", "/admin/"), null);
    }

    @AfterEach
    void clearFaults() {
        gc.faults().clear();
    }

    @Test
    void injectedStatusAppliesToTheNextNMatchingRequestsOnly() {
        gc.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").times(2).status(503).retryAfter("1").build());
        ApiClient.Answer first = demo().get("algorithms/");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertThat(demo().get("gcapi/").status()).as("other paths unaffected").isEqualTo(200);
        assertThat(demo().get("algorithms/").status()).isEqualTo(503);
        assertThat(demo().get("algorithms/").status()).isEqualTo(200);
    }

    @Test
    void rulesMatchRouteTemplatesAndGlobs() {
        gc.faults().add(FaultRule.matching("*", "/api/v1/algorithms/{pk}/").status(429).build());
        gc.faults().add(FaultRule.matching("GET", "/api/v1/components/*").status(502).build());
        String pk = demo().get("algorithms/").json().get("results").get(0).get("pk").asText();
        assertThat(demo().get("algorithms/" + pk + "/").status()).isEqualTo(429);
        assertThat(demo().get("components/interfaces/?slug=ct-image").status()).isEqualTo(502);
        assertThat(demo().get("algorithms/" + pk + "/").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysTheAnswer() {
        gc.faults().add(FaultRule.matching("GET", "/api/v1/gcapi/").latency(Duration.ofMillis(400)).build());
        long start = System.nanoTime();
        assertThat(demo().get("gcapi/").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void droppedConnectionCutsTheBody() {
        gc.faults().add(FaultRule.matching("GET", "/api/v1/components/interfaces/").dropConnection().build());
        assertThatThrownBy(() -> demo().get("components/interfaces/")).isInstanceOf(UncheckedIOException.class);
        assertThat(demo().get("components/interfaces/").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionOnAPartUploadGivesNoAnswerAndTheRetrySucceeds() {
        JsonNode upload = demo().post("uploads/", Map.of("filename", "retry.mha")).json();
        String url = demo().patch("uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText()
                + "/generate-presigned-urls/", Map.of("part_numbers", List.of(1))).json().get("presigned_urls").get("1").asText();
        gc.faults().add(FaultRule.matching("PUT", "/storage/uploads/{user}/{pk}").dropConnection().build());
        assertThatThrownBy(() -> demo().putBytes(url, new byte[1000])).isInstanceOf(UncheckedIOException.class);
        assertThat(demo().putBytes(url, new byte[1000]).header("ETag")).startsWith("\"");
    }

    @Test
    void requestLogCountsPerRouteTemplate() {
        String pk = demo().get("algorithms/").json().get("results").get(0).get("pk").asText();
        long before = gc.requestLog().count("GET", "/api/v1/algorithms/{pk}/");
        demo().get("algorithms/" + pk + "/");
        demo().get("algorithms/" + pk + "/");
        assertThat(gc.requestLog().count("GET", "/api/v1/algorithms/{pk}/")).isEqualTo(before + 2);
        RequestLog.Counter counter = gc.requestLog().counters().stream()
                .filter(c -> c.pattern().equals("/api/v1/algorithms/{pk}/") && c.status() == 200).findFirst().orElseThrow();
        assertThat(counter.responseBytes()).isPositive();

        JsonNode overHttp = admin().get("requests/").json();
        assertThat(overHttp.get("total").asInt()).isPositive();
        assertThat(overHttp.get("counters").toString()).contains("/api/v1/algorithms/{pk}/");
    }

    @Test
    void adminEndpointAddsFaultsAndHoldsAndFailsJobs() {
        ApiClient.Answer added = admin().post("faults/", Map.of("method", "GET", "path", "/api/v1/gcapi/", "status", 504));
        assertThat(added.status()).isEqualTo(201);
        assertThat(demo().get("gcapi/").status()).isEqualTo(504);

        String algorithm = JobsTest.algorithmUrl(demo(), "lung-volume-estimator");
        String pk = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm, "inputs",
                List.of(Map.of("interface", "patient-height", "value", 177)))).json().get("pk").asText();
        gc.emulator().holdJob(pk, io.github.camelgc.emulator.model.JobStatus.QUEUED);
        await().atMost(Duration.ofSeconds(10)).until(() -> demo().get("algorithms/jobs/" + pk + "/").json()
                .get("status").asText().equals("Queued"));
        // Still queued well after it would have moved on:
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> demo()
                .get("algorithms/jobs/" + pk + "/").json().get("status").asText().equals("Queued"));
        assertThat(admin().post("jobs/" + pk + "/fail/", "").json().get("status").asText()).isEqualTo("Failed");
        assertThat(demo().get("algorithms/jobs/" + pk + "/").json().get("outputs")).isEmpty();

        String second = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm, "inputs",
                List.of(Map.of("interface", "patient-height", "value", 178)))).json().get("pk").asText();
        admin().post("jobs/" + second + "/hold/", Map.of("status", "Executed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> demo().get("algorithms/jobs/" + second + "/").json()
                .get("status").asText().equals("Executed"));
        admin().post("jobs/" + second + "/release/", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> demo().get("algorithms/jobs/" + second + "/").json()
                .get("status").asText().equals("Succeeded"));
    }

    @Test
    void plainHttpServesTheSameApiWithHttpUrls() {
        ApiClient http = new ApiClient(gc.sslContext(), gc.httpBaseUrl(), gc.token("demo"));
        JsonNode algorithms = http.get("algorithms/?slug=pulmonary-lobe-segmentation").json();
        assertThat(algorithms.get("results").get(0).get("api_url").asText()).startsWith(gc.httpBaseUrl());
    }
}
