package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.jobs.Credits;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's algorithm credits ({@code AlgorithmImage.get_remaining_jobs}, {@code Job.init_credits_consumed}
 * in {@code algorithms/models.py}; {@code JobPostSerializer.validate}): each test owns a user of its own.
 */
class CreditsConformanceTest {

    static final String OUT_OF_CREDITS = "You have run out of algorithm credits";
    static final String TOO_MANY = "You have too many active jobs, please try again after they have completed";

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().fixture(Conformance.fixture())
            .phantomCases(0).maxActiveJobsPerUser(2).admin(true).credits("user9", 500).build();

    private static ApiClient.Answer post(String username, String slug, Object... inputs) {
        ApiClient client = as(gc, username);
        String algorithm = client.get("algorithms/?slug=" + slug).json().get("results").get(0).get("api_url").asText();
        return client.post("algorithms/jobs/", Map.of("algorithm", algorithm, "inputs", List.of(inputs)));
    }

    private static Map<String, Object> height(double cm) {
        return Map.of("interface", "patient-height", "value", cm);
    }

    /** Posts a job that ends quickly and waits for its end, so the active-jobs limit never interferes. */
    private static void finishedJob(String username, String slug, double cm) {
        ApiClient.Answer created = post(username, slug, height(cm));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String pk = created.json().get("pk").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> gc.state().job(pk).orElseThrow().status().isTerminal());
    }

    private static String refusal(String username, String slug, double cm) {
        ApiClient.Answer refused = post(username, slug, height(cm));
        assertThat(refused.status()).isEqualTo(400);
        return refused.json().get("non_field_errors").get(0).asText();
    }

    @Test
    void aJobCostsTwentyCreditsOfAThousandAMonthUnlessItNeedsAGpu() {
        assertThat(gc.remainingJobs("user3", "always-fails")).isEqualTo(50);
        Credits credits = gc.emulator().credits();
        assertThat(credits.creditsPerJob(gc.state().algorithmBySlug("gpu-segmentation").orElseThrow()))
                .as("T4: 83 US cents an hour with tax in euro, rounded to tens").isEqualTo(90);
        assertThat(gc.remainingJobs("user3", "gpu-segmentation")).isEqualTo(11);
    }

    @Test
    void everyJobSpendsCreditsWhateverItsOutcome() {
        gc.setCredits("user4", 60);
        for (int i = 0; i < 3; i++) {
            finishedJob("user4", "always-fails", 140 + i);
        }
        assertThat(gc.state().jobs().stream().filter(j -> j.algorithm().slug().equals("always-fails")
                && j.creatorId() == 4).allMatch(j -> j.status().display().equals("Failed"))).isTrue();
        assertThat(gc.remainingJobs("user4", "always-fails")).isZero();
        assertThat(refusal("user4", "always-fails", 150)).isEqualTo(OUT_OF_CREDITS);
        gc.setCredits("user4", 80);
        finishedJob("user4", "always-fails", 151);
    }

    @Test
    void creditsComeAfterTheImageAndBeforeTheActiveJobsLimitWhichComesBeforeTheInterfaces() {
        List<String> running = List.of(post("user5", "never-finishes", height(160)).json().get("pk").asText(),
                post("user5", "never-finishes", height(161)).json().get("pk").asText());
        gc.setCredits("user5", 40);
        assertThat(post("user5", "algorithm-without-image", height(1)).json().get("non_field_errors").get(0).asText())
                .isEqualTo("Algorithm image is not ready to be used");
        assertThat(refusal("user5", "never-finishes", 162)).isEqualTo(OUT_OF_CREDITS);
        gc.setCredits("user5", 1000);
        assertThat(refusal("user5", "never-finishes", 162)).isEqualTo(TOO_MANY);
        assertThat(post("user5", "never-finishes").json().get("non_field_errors").get(0).asText()).isEqualTo(TOO_MANY);
        running.forEach(gc.emulator()::failJob);
        assertThat(post("user5", "never-finishes").json().get("non_field_errors").get(0).asText())
                .startsWith("The set of inputs provided does not match");
    }

    @Test
    void theGeneralPoolCoversTheLastCalendarMonth() {
        gc.setCredits("user6", 20);
        finishedJob("user6", "always-fails", 170);
        assertThat(refusal("user6", "always-fails", 171)).isEqualTo(OUT_OF_CREDITS);
        gc.advanceClock(Duration.ofDays(32));
        try {
            assertThat(gc.remainingJobs("user6", "always-fails")).isEqualTo(1);
            finishedJob("user6", "always-fails", 171);
            assertThat(gc.remainingJobs("user6", "always-fails")).isZero();
        } finally {
            gc.advanceClock(Duration.ofDays(-32));
        }
    }

    @Test
    void aGrantReplacesThePoolForItsAlgorithmWhileItIsValid() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Credits credits = gc.emulator().credits();
        gc.setCredits("user7", 20);
        credits.grant(new Credits.Grant("user7", "lung-volume-estimator", 40, today.minusDays(1), today.plusDays(1)));
        assertThat(gc.remainingJobs("user7", "lung-volume-estimator")).isEqualTo(2);
        finishedJob("user7", "lung-volume-estimator", 180);
        finishedJob("user7", "lung-volume-estimator", 181);
        assertThat(refusal("user7", "lung-volume-estimator", 182)).isEqualTo(OUT_OF_CREDITS);
        assertThat(gc.remainingJobs("user7", "always-fails")).as("jobs under a grant leave the pool alone")
                .isEqualTo(1);
        credits.grant(new Credits.Grant("user7", "lung-volume-estimator", 40, today.minusDays(9), today.minusDays(1)));
        assertThat(gc.remainingJobs("user7", "lung-volume-estimator"))
                .as("an expired grant: the pool pays, and counts the jobs made under the grant").isZero();
    }

    @Test
    void editorsShareFiveComplimentaryJobsPerAlgorithmImage() {
        gc.setCredits("demo", 0);
        assertThat(gc.remainingJobs("demo", "lung-volume-estimator")).isEqualTo(5);
        assertThat(gc.remainingJobs("demo", "always-fails")).as("only editors get free jobs").isZero();
        for (int i = 0; i < 5; i++) {
            finishedJob("demo", "lung-volume-estimator", 190 + i);
        }
        assertThat(refusal("demo", "lung-volume-estimator", 195)).isEqualTo(OUT_OF_CREDITS);
        gc.setCredits("demo", 20);
        finishedJob("demo", "lung-volume-estimator", 195);
        assertThat(gc.remainingJobs("demo", "lung-volume-estimator")).isZero();
        gc.setCredits("demo", 1000);
    }

    @Test
    void theApiShowsNoCreditsTheAdminEndpointDoes() throws Exception {
        JsonNode algorithm = as(gc, "user8").get("algorithms/?slug=always-fails").json().get("results").get(0);
        assertThat(algorithm.fieldNames()).toIterable().containsExactly("api_url", "url", "description", "pk", "title",
                "logo", "slug", "average_duration", "interfaces");
        HttpClient http = HttpClient.newBuilder().sslContext(gc.sslContext()).build();
        String admin = gc.baseUrl().replace("/api/v1/", "/admin/credits/");
        JsonNode shown = ApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(admin + "user9/")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(shown.get("credits_per_month").asInt()).as("the builder's credits()").isEqualTo(500);
        assertThat(shown.get("remaining_credits").asInt()).isEqualTo(500);
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(admin + "user8/"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"credits_per_month\": 0}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ApiClient.JSON.readTree(set.body()).get("algorithms").findValuesAsText("slug")).contains("always-fails");
        assertThat(ApiClient.JSON.readTree(set.body()).get("algorithms").get(0).get("remaining_jobs").asInt()).isZero();
        assertThat(refusal("user8", "always-fails", 200)).isEqualTo(OUT_OF_CREDITS);
    }
}
