package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static io.github.camelgc.emulator.Conformance.completedUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's answers for {@code archives/} and {@code archives/items/} ({@code archives/views.py},
 * {@code ArchiveItemPostSerializer} and {@code CIVSetPostSerializerMixin}).
 */
class ArchivesConformanceTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(2).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    private static String archive() {
        return demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("api_url").asText();
    }

    private static String phantomImage() {
        return demo().get("archives/items/?limit=1").json().get("results").get(0).get("values").get(0).get("image")
                .asText();
    }

    @Test
    void archivesListPatientsAndStudiesOfTheirImages() {
        String url = archive();
        assertThat(demo().get(url + "patients/").json()).as("distinct patient_id, blanks included")
                .hasToString("[\"\"]");
        assertThat(demo().get(url + "studies/?patient_id=").json()).hasToString("[\"\"]");
        assertThat(demo().get(url + "studies/?patient_id=p1").json()).hasToString("[]");
        assertThat(demo().get("archives/" + UUID.randomUUID() + "/studies/").json())
                .as("patient_id is read before the archive is looked up").hasToString("{\"detail\":\"Not found.\"}");
        assertThat(demo().get("archives/?slug=").json().get("count").asInt()).as("an empty filter filters nothing")
                .isEqualTo(1);
        assertThat(demo().get("archives/items/?archive=nope").json()).as("a single-choice filter")
                .hasToString("{\"archive\":[\"Select a valid choice. That choice is not one of the available choices.\"]}");
    }

    @Test
    void createTakesTitleAndArchiveButNoValues() {
        String url = archive();
        assertThat(demo().post("archives/items/", Map.of()).json()).as("the unique-together validator requires it")
                .hasToString("{\"archive\":[\"This field is required.\"]}");
        assertThat(demo().post("archives/items/", "{\"archive\": null}").json())
                .hasToString("{\"archive\":[\"This field may not be null.\"]}");
        assertThat(as(gc, "other").post("archives/items/", Map.of("archive", url)).json())
                .hasToString("{\"archive\":[\"Invalid hyperlink - Object does not exist.\"]}");
        assertThat(demo().post("archives/items/", Map.of("archive", url, "values", List.of(Map.of("interface",
                "generic-medical-image", "value", 1)))).json()).as("values are validated before create refuses them")
                .hasToString("{\"values\":[{\"non_field_errors\":[\"upload_session, user_uploads or image are required "
                        + "for interface kind IMG\"]}]}");
        assertThat(demo().post("archives/items/", Map.of("archive", url, "values", List.of(Map.of("interface",
                "generic-medical-image", "image", phantomImage())))).json())
                .hasToString("[\"Values can only be added via update\"]");
        assertThat(demo().post("archives/items/", Map.of("archive", url, "values", List.of())).status()).isEqualTo(201);
        JsonNode item = demo().post("archives/items/", Map.of("archive", url, "title", "  unique  ")).json();
        assertThat(item.get("title").asText()).isEqualTo("unique");
        assertThat(item.fieldNames()).toIterable().containsExactly("pk", "title", "archive", "values",
                "hanging_protocol", "optional_hanging_protocols", "view_content");
        assertThat(demo().post("archives/items/", Map.of("archive", url, "title", "unique")).json())
                .hasToString("{\"non_field_errors\":[\"The fields title, archive must make a unique set.\"]}");
        assertThat(demo().post("archives/items/", Map.of("archive", url, "title", "x".repeat(256))).json())
                .hasToString("{\"title\":[\"Ensure this field has no more than 255 characters.\"]}");
    }

    @Test
    void patchReplacesValuesPerSocketPutRemovesTheOthers() {
        String url = archive();
        JsonNode item = demo().post("archives/items/", Map.of("archive", url, "title", "values")).json();
        String path = "archives/items/" + item.get("pk").asText() + "/";
        String image = phantomImage();
        JsonNode patched = demo().patch(path, Map.of("values", List.of(
                Map.of("interface", "patient-height", "value", 172),
                Map.of("interface", "generic-medical-image", "image", image)))).json();
        assertThat(patched.get("values").findValuesAsText("interface")).as("post shape: by socket value pk; the "
                + "phantom's image value is the older one").containsExactly("generic-medical-image", "patient-height");
        JsonNode read = demo().get(path).json();
        assertThat(read.get("values").get(0).get("interface").get("slug").asText()).as("read shape: values first")
                .isEqualTo("patient-height");
        String phantomValuePk = demo().get("archives/items/?limit=1").json().get("results").get(0).get("values").get(0)
                .get("pk").asText();
        assertThat(patched.get("values").get(0).get("pk").asText()).as("the phantom's socket value is reused")
                .isEqualTo(phantomValuePk);
        assertThat(demo().patch(path, Map.of("title", "renamed")).json().get("values")).as("PATCH keeps the values")
                .hasSize(2);
        assertThat(demo().put(path, Map.of("values", List.of(Map.of("interface", "patient-height", "value", 173))))
                .json().get("values")).as("PUT removes sockets it does not name").hasSize(1);
        assertThat(demo().put(path, Map.of()).json().get("values")).as("PUT without values removes them all").isEmpty();
        assertThat(as(gc, "other").patch(path, Map.of("title", "x")).json().get("detail").asText())
                .isEqualTo("No ArchiveItem matches the given query.");
    }

    @Test
    void uploadsUpdateAnItemInTheBackgroundThroughASessionOfTheCaller() {
        String url = archive();
        JsonNode item = demo().post("archives/items/", Map.of("archive", url, "title", "upload")).json();
        String path = "archives/items/" + item.get("pk").asText() + "/";
        JsonNode upload = completedUpload(demo(), "item.mha", Conformance.ct(11));
        JsonNode answer = demo().patch(path, Map.of("values", List.of(Map.of("interface", "ct-image", "user_uploads",
                List.of(upload.get("api_url").asText()))))).json();
        assertThat(answer.get("values")).as("uploads are imported later").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> demo().get(path).json().get("values").size() == 1);
        assertThat(demo().get("cases/upload-sessions/").json().toString()).contains("\"status\":\"Succeeded\"");

        JsonNode mask = completedUpload(demo(), "bad-mask.mha", Conformance.ct(12));
        demo().patch(path, Map.of("values", List.of(Map.of("interface", "pulmonary-lobes", "user_uploads",
                List.of(mask.get("api_url").asText())))));
        await().atMost(Duration.ofSeconds(20)).until(() -> demo().get("cases/upload-sessions/?limit=1000").json()
                .toString().contains("Image validation for socket Pulmonary Lobes failed with error"));
        assertThat(demo().get(path).json().get("values")).as("a failed import leaves the item as it was").hasSize(1);
    }
}
