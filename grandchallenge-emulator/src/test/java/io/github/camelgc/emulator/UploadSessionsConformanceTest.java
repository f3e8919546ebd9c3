package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static io.github.camelgc.emulator.Conformance.completedUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's answers for {@code cases/upload-sessions/} ({@code RawImageUploadSessionSerializer} in
 * {@code cases/serializers.py}; {@code build_images} in {@code cases/tasks.py}).
 */
class UploadSessionsConformanceTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(1).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    private static String link(JsonNode upload) {
        return upload.get("api_url").asText();
    }

    private static JsonNode settled(JsonNode created) {
        String url = created.get("api_url").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !List.of("Queued", "Re-Queued")
                .contains(demo().get(url).json().get("status").asText()));
        return demo().get(url).json();
    }

    @Test
    void everyFieldErrorIsReportedTogether() {
        JsonNode errors = demo().post("cases/upload-sessions/", Map.of("archive", "nope", "answer", "x",
                "interface", "nope", "archive_item", UUID.randomUUID().toString(), "display_set", 5)).json();
        assertThat(errors.fieldNames()).toIterable().containsExactly("archive", "answer", "interface", "archive_item",
                "display_set", "uploads");
        assertThat(errors.get("archive").get(0).asText()).isEqualTo("Object with slug=nope does not exist.");
        assertThat(errors.get("answer").get(0).asText()).isEqualTo("\u201cx\u201d is not a valid UUID.");
        assertThat(errors.get("archive_item").get(0).asText()).startsWith("Invalid pk \"").endsWith("\" - object does not exist.");
        assertThat(errors.get("display_set").get(0).asText()).isEqualTo("Invalid pk \"5\" - object does not exist.");
        assertThat(errors.get("uploads").get(0).asText()).isEqualTo("This field is required.");
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", "x")).json().get("uploads").get(0).asText())
                .isEqualTo("Expected a list of items but got type \"str\".");
        JsonNode pending = demo().post("uploads/", Map.of("filename", "pending.mha")).json();
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(pending)))).json()
                .get("uploads").get(0).asText()).as("only completed uploads")
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        JsonNode mine = completedUpload(demo(), "mine.mha", Conformance.ct(1));
        assertThat(as(gc, "other").post("cases/upload-sessions/", Map.of("uploads", List.of(link(mine)),
                "archive", "coronacasesorg")).json().toString()).as("another user's upload; no upload permission")
                .isEqualTo("{\"archive\":[\"Object with slug=coronacasesorg does not exist.\"],"
                        + "\"uploads\":[\"Invalid hyperlink - Object does not exist.\"]}");
    }

    @Test
    void objectChecksInTheirOrder() {
        JsonNode a = completedUpload(demo(), "same.mha", Conformance.ct(2));
        JsonNode b = completedUpload(demo(), "same.mha", Conformance.ct(3));
        String item = demo().get("archives/items/").json().get("results").get(0).get("pk").asText();
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(a), link(b)), "archive",
                "coronacasesorg", "archive_item", item)).json().get("non_field_errors").get(0).asText())
                .as("unique names are checked before the targets").isEqualTo("Filenames must be unique");
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(a)), "archive",
                "coronacasesorg", "archive_item", item)).json().get("non_field_errors").get(0).asText())
                .isEqualTo("Only one of archive, archive item, answer or reader study can be set");
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(a)), "interface",
                "generic-medical-image")).json().get("non_field_errors").get(0).asText())
                .isEqualTo("An interface can only be defined for archive, archive item or display set uploads.");
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(a)), "archive_item", item))
                .json().get("non_field_errors").get(0).asText())
                .isEqualTo("An interface needs to be defined to upload to an archive item.");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(link(a));
        }
        assertThat(demo().post("cases/upload-sessions/", Map.of("uploads", many)).json().get("non_field_errors").get(0)
                .asText()).isEqualTo("Too many files uploaded. A maximum of 100 files may be uploaded per session.");
    }

    @Test
    void aSessionWithoutTargetWaitsQueuedEvenWithoutUploads() {
        JsonNode empty = demo().post("cases/upload-sessions/", Map.of("uploads", List.of())).json();
        assertThat(empty.fieldNames()).toIterable().containsExactly("pk", "creator", "status", "error_message",
                "image_set", "api_url", "user_uploads", "uploads");
        assertThat(empty.get("status").asText()).isEqualTo("Queued");
        assertThat(empty.get("creator").asInt()).isEqualTo(1);
        assertThat(demo().get(empty.get("api_url").asText()).json().get("status").asText()).isEqualTo("Queued");
        assertThat(as(gc, "other").get(empty.get("api_url").asText()).json().get("detail").asText())
                .isEqualTo("No RawImageUploadSession matches the given query.");
    }

    @Test
    void anArchiveTargetReportsImportErrorsPlainlyAndSucceedsWithAnyImage() {
        JsonNode good = completedUpload(demo(), "good.mha", Conformance.ct(4));
        JsonNode notes = completedUpload(demo(), "notes.txt", "x".getBytes(StandardCharsets.UTF_8));
        JsonNode created = demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(good), link(notes)),
                "archive", "coronacasesorg")).json();
        assertThat(created.get("status").asText()).as("the answer shows the session as created").isEqualTo("Queued");
        JsonNode done = settled(created);
        assertThat(done.get("status").asText()).isEqualTo("Succeeded");
        assertThat(done.get("error_message").asText()).as("the file that was not an image")
                .isEqualTo("1 file could not be imported");
        assertThat(done.get("image_set")).hasSize(1);
        assertThat(done.get("user_uploads")).as("every upload is deleted after success").isEmpty();
        assertThat(demo().get("uploads/" + notes.get("pk").asText() + "/").status()).isEqualTo(404);
        String image = done.get("image_set").get(0).asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> demo().get("archives/items/?limit=1000").json().toString()
                .contains(image));

        JsonNode bad = completedUpload(demo(), "bad.mha", "nope".getBytes(StandardCharsets.UTF_8));
        JsonNode failed = settled(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(bad)),
                "archive", "coronacasesorg")).json());
        assertThat(failed.get("status").asText()).isEqualTo("Failed");
        assertThat(failed.get("error_message").asText()).isEqualTo("1 file could not be imported");
        assertThat(failed.get("user_uploads")).as("a failed session keeps its uploads").hasSize(1);
    }

    @Test
    void anArchiveItemTargetSetsTheItemsValueOrReportsForTheSocket() {
        String archive = demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("api_url").asText();
        JsonNode item = demo().post("archives/items/", Map.of("archive", archive, "title", "target")).json();
        JsonNode scan = completedUpload(demo(), "target.mha", Conformance.ct(5));
        JsonNode done = settled(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(scan)),
                "archive_item", item.get("pk").asText(), "interface", "ct-image")).json());
        assertThat(done.get("status").asText()).isEqualTo("Succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> demo().get("archives/items/" + item.get("pk").asText() + "/")
                .json().get("values").size() == 1);
        JsonNode mask = completedUpload(demo(), "mask.mha", Conformance.ct(6));
        JsonNode refused = settled(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(mask)),
                "archive_item", item.get("pk").asText(), "interface", "pulmonary-lobes")).json());
        assertThat(refused.get("status").asText()).isEqualTo("Failed");
        assertThat(refused.get("error_message").asText()).startsWith("Image validation for socket Pulmonary Lobes "
                + "failed with error: Image segments could not be determined");
        assertThat(demo().get("archives/items/" + item.get("pk").asText() + "/").json().get("values")).hasSize(1);
    }

    @Test
    void imagesKnowTheirSession() {
        JsonNode scan = completedUpload(demo(), "origin.mha", Conformance.ct(7));
        JsonNode done = settled(demo().post("cases/upload-sessions/", Map.of("uploads", List.of(link(scan)),
                "archive", "coronacasesorg")).json());
        JsonNode images = demo().get("cases/images/?origin=" + done.get("pk").asText()).json();
        assertThat(images.get("count").asInt()).isEqualTo(1);
        assertThat(images.get("results").get(0).get("name").asText()).isEqualTo("origin.mha");
        assertThat(demo().get("cases/images/?origin=nope").json().get("origin").get(0).asText())
                .isEqualTo("Select a valid choice. That choice is not one of the available choices.");
    }
}
