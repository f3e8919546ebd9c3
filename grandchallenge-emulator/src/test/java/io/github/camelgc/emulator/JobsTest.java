package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobsTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    private static ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    static String algorithmUrl(ApiClient client, String slug) {
        return client.get("algorithms/?slug=" + slug).json().get("results").get(0).get("api_url").asText();
    }

    private static Map<String, Object> job(String algorithm, Object... inputs) {
        return Map.of("algorithm", algorithmUrl(demo(), algorithm), "inputs", List.of(inputs));
    }

    private static JsonNode awaitStatus(String pk, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> demo().get("algorithms/jobs/" + pk + "/").json()
                .get("status").asText().equals(status));
        return demo().get("algorithms/jobs/" + pk + "/").json();
    }

    @Test
    void valueAndFileJobRunsToSucceededWithComputedOutputs() {
        // The File input travels as an upload: JSON stored as a file.
        JsonNode upload = demo().post("uploads/", Map.of("filename", "clinical-information.json")).json();
        String base = "uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText() + "/";
        String url = demo().patch(base + "generate-presigned-urls/", Map.of("part_numbers", List.of(1))).json()
                .get("presigned_urls").get("1").asText();
        String etag = demo().putBytes(url, "{\"sex\": \"F\"}".getBytes(StandardCharsets.UTF_8)).header("ETag");
        demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of(Map.of("ETag", etag, "PartNumber", 1))));

        ApiClient.Answer created = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height", "value", 170.0),
                Map.of("interface", "clinical-information", "user_upload", upload.get("api_url").asText())));
        assertThat(created.status()).isEqualTo(201);
        JsonNode post = created.json();
        assertThat(post.fieldNames()).toIterable().containsExactly("pk", "inputs", "status");
        assertThat(post.get("status").asText()).isEqualTo("Validating inputs");
        assertThat(post.get("inputs")).hasSize(1);
        assertThat(post.get("inputs").get(0).get("interface").asText()).isEqualTo("patient-height");
        assertThat(post.get("inputs").get(0).has("image_name")).isTrue();

        JsonNode done = awaitStatus(post.get("pk").asText(), "Succeeded");
        assertThat(demo().get("algorithms/?slug=lung-volume-estimator").json().get("results").get(0)
                .get("average_duration").isNumber()).isTrue();
        assertThat(done.get("exec_duration").asText()).startsWith("P0DT00H00M");
        assertThat(done.get("inputs")).hasSize(2);
        JsonNode volume = output(done, "lung-volume");
        assertThat(volume.get("value").asDouble()).isEqualTo(5.43); // 6.60 * 1.70 - 5.79
        assertThat(volume.get("interface").get("super_kind").asText()).isEqualTo("Value");
        JsonNode results = output(done, "results-json-file");
        assertThat(results.get("value").isNull()).isTrue();
        String file = results.get("file").asText();
        assertThat(file).startsWith("https://localhost:" + gc.emulator().httpsPort() + "/media/components/componentinterfacevalue/")
                .endsWith("/results.json");

        ApiClient.Answer redirect = demo().get(file);
        assertThat(redirect.status()).isEqualTo(302);
        JsonNode fileJson = demo().getAnonymously(redirect.header("Location")).json();
        assertThat(fileJson.get("sex").asText()).isEqualTo("F");
        assertThat(fileJson.get("total_lung_capacity_l").asDouble()).isEqualTo(5.43);
        ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
        assertThat(other.get(file).status()).as("no permission: 404 for socket-value files").isEqualTo(404);
        assertThat(other.get("algorithms/jobs/" + post.get("pk").asText() + "/").json().get("detail").asText())
                .isEqualTo("No Job matches the given query.");
    }

    private static JsonNode output(JsonNode job, String slug) {
        for (JsonNode output : job.get("outputs")) {
            if (output.get("interface").get("slug").asText().equals(slug)) {
                return output;
            }
        }
        throw new AssertionError("no output " + slug + " in " + job);
    }

    @Test
    void fieldValidationMessagesFollowTheSpec() {
        JsonNode unknownSocket = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height", "value", 170), Map.of("interface", "nope", "value", 1))).json();
        assertThat(unknownSocket.get("inputs").get(0).size()).isZero();
        assertThat(unknownSocket.get("inputs").get(1).get("interface").get(0).asText())
                .isEqualTo("Object with slug=nope does not exist.");

        JsonNode noSource = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height"))).json();
        assertThat(noSource.get("inputs").get(0).get("non_field_errors").get(0).asText()).isEqualTo(
                "You must provide at least one of ['image', 'value', 'file', 'user_upload', 'upload_session', ('image_name', 'user_uploads')].");

        JsonNode wrongSource = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height", "image", gc.baseUrl() + "cases/images/" + java.util.UUID.randomUUID() + "/"))).json();
        assertThat(wrongSource.get("inputs").get(0).get("image").get(0).asText())
                .isEqualTo("Invalid hyperlink - Object does not exist.");

        JsonNode valueForImage = demo().post("algorithms/jobs/", job("pulmonary-lobe-segmentation",
                Map.of("interface", "generic-medical-image", "value", 1))).json();
        assertThat(valueForImage.get("inputs").get(0).get("non_field_errors").get(0).asText())
                .isEqualTo("upload_session, user_uploads or image are required for interface kind IMG");

        JsonNode imageForValue = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height", "user_uploads", List.of()))).json();
        assertThat(imageForValue.get("inputs").get(0).get("non_field_errors").get(0).asText())
                .isEqualTo("value is required for interface kind FLT");

        JsonNode schema = demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "patient-height", "value", "tall"))).json();
        assertThat(schema.get("inputs").get(0).get("__all__").get(0).asText())
                .as("jsonschema's message keeps the repr of a string instance")
                .isEqualTo("JSON does not fulfill schema: instance 'tall' is not of type 'number'");

        JsonNode invisible = demo().post("algorithms/jobs/", Map.of("algorithm",
                gc.baseUrl() + "algorithms/" + java.util.UUID.randomUUID() + "/", "inputs", List.of())).json();
        assertThat(invisible.get("algorithm").get(0).asText()).isEqualTo("Invalid hyperlink - Object does not exist.");
        JsonNode noSlash = demo().post("algorithms/jobs/", Map.of("algorithm",
                algorithmUrl(demo(), "always-fails").replaceAll("/$", ""), "inputs", List.of())).json();
        assertThat(noSlash.get("algorithm").get(0).asText()).isEqualTo("Invalid hyperlink - No URL match.");
    }

    @Test
    void objectLevelValidationMessagesFollowTheSpec() {
        assertThat(demo().post("algorithms/jobs/", job("algorithm-without-image",
                Map.of("interface", "patient-height", "value", 170))).json().get("non_field_errors").get(0).asText())
                .isEqualTo("Algorithm image is not ready to be used");

        assertThat(demo().post("algorithms/jobs/", job("deep-learning-based-ct-lung-registration")).json()
                .get("non_field_errors").get(0).asText()).isEqualTo(
                "The set of inputs provided does not match any of the algorithm's interfaces. This algorithm supports "
                        + "the following input combinations: Interface 1: Fixed Image (Image), Moving Image (Image), "
                        + "Fixed Mask (Segmentation), and Moving Mask (Segmentation)");
        assertThat(demo().post("algorithms/jobs/", job("lung-volume-estimator",
                Map.of("interface", "clinical-information", "user_upload", gc.baseUrl() + "uploads/x/"))).json()
                .get("inputs").get(0).get("user_upload").get(0).asText()).as("Django's UUIDField refuses the lookup")
                .isEqualTo("\u201cx\u201d is not a valid UUID.");
        assertThat(demo().post("algorithms/jobs/", job("lung-volume-estimator")).json()
                .get("non_field_errors").get(0).asText()).endsWith(
                "Interface 1: Patient Height (Float) and Clinical Information (Anything) and Interface 2: Patient Height (Float)");
    }

    @Test
    void duplicateInputsAreRejectedEvenForFailedJobs() {
        ApiClient.Answer first = demo().post("algorithms/jobs/", job("always-fails",
                Map.of("interface", "patient-height", "value", 181.5)));
        assertThat(first.status()).isEqualTo(201);
        awaitStatus(first.json().get("pk").asText(), "Failed");
        ApiClient.Answer again = demo().post("algorithms/jobs/", job("always-fails",
                Map.of("interface", "patient-height", "value", 181.5)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("non_field_errors").get(0).asText())
                .isEqualTo("A result for these inputs with the current image and model already exists.");
    }

    @Test
    void sixteenActiveJobsAreTheLimit() {
        List<String> started = new ArrayList<>();
        long active = gc.state().jobs().stream().filter(j -> !j.status().isTerminal()).count();
        for (int i = 0; i < 16 - active; i++) {
            ApiClient.Answer created = demo().post("algorithms/jobs/", job("never-finishes",
                    Map.of("interface", "patient-height", "value", 100 + i)));
            assertThat(created.status()).isEqualTo(201);
            started.add(created.json().get("pk").asText());
        }
        ApiClient.Answer refused = demo().post("algorithms/jobs/", job("never-finishes",
                Map.of("interface", "patient-height", "value", 99)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("non_field_errors").get(0).asText())
                .isEqualTo("You have too many active jobs, please try again after they have completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> gc.state().job(started.get(0)).orElseThrow().status()
                == JobStatus.EXECUTING);
        for (String pk : started) {
            Job job = gc.state().job(pk).orElseThrow();
            gc.emulator().failJob(pk);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        }
        assertThat(demo().post("algorithms/jobs/", job("never-finishes",
                Map.of("interface", "patient-height", "value", 99))).status()).isEqualTo(201);
    }

    @Test
    void listFiltersByAlgorithmAndIgnoresStatus() {
        ApiClient.Answer created = demo().post("algorithms/jobs/", job("slow-algorithm",
                Map.of("interface", "patient-height", "value", 150)));
        String pk = created.json().get("pk").asText();
        String algorithmPk = demo().get("algorithms/?slug=slow-algorithm").json().get("results").get(0).get("pk").asText();
        JsonNode filtered = demo().get("algorithms/jobs/?algorithm_image__algorithm=" + algorithmPk).json();
        assertThat(filtered.get("count").asInt()).isEqualTo(1);
        assertThat(filtered.get("results").get(0).get("pk").asText()).isEqualTo(pk);
        assertThat(filtered.get("results").get(0).get("api_url").asText()).isEqualTo(gc.baseUrl() + "algorithms/jobs/" + pk + "/");
        int all = demo().get("algorithms/jobs/").json().get("count").asInt();
        assertThat(demo().get("algorithms/jobs/?status=Succeeded").json().get("count").asInt()).isEqualTo(all);
        assertThat(demo().get("algorithms/jobs/?algorithm_image__algorithm=nope").json().get("algorithm_image__algorithm")
                .get(0).asText()).isEqualTo("Select a valid choice. That choice is not one of the available choices.");
        assertThat(demo().patch("algorithms/jobs/" + pk + "/", "{}").status()).isEqualTo(403);
        assertThat(demo().get("algorithms/jobs/" + pk + "/").json().get("outputs")).as("outputs only at Succeeded")
                .isEmpty();
    }
}
