package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static io.github.camelgc.emulator.Conformance.completedUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.ElementType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's answers for {@code POST algorithms/jobs/} ({@code JobPostSerializer} in
 * {@code algorithms/serializers.py}, {@code ComponentInterfaceValuePostSerializer} in
 * {@code components/serializers.py}), what it creates on the way, and the job list's filters.
 */
class JobsConformanceTest {

    static final String SOURCES = "['image', 'value', 'file', 'user_upload', 'upload_session', ('image_name', 'user_uploads')]";

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().fixture(Conformance.fixture())
            .phantomCases(1).credits("demo", 1_000_000).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    private static String algorithm(String slug) {
        return demo().get("algorithms/?slug=" + slug).json().get("results").get(0).get("api_url").asText();
    }

    private static ApiClient.Answer post(String slug, Object... inputs) {
        return demo().post("algorithms/jobs/", Map.of("algorithm", algorithm(slug), "inputs", List.of(inputs)));
    }

    /** {@code {"inputs": [<item error>]}} of a one-input job. */
    private static String itemError(String slug, Object input) {
        return post(slug, input).json().get("inputs").get(0).toString();
    }

    private static Map<String, Object> input(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String archiveImage() {
        return demo().get("archives/items/").json().get("results").get(0).get("values").get(0).get("image").asText();
    }

    private static JsonNode awaitJob(String pk, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> demo().get("algorithms/jobs/" + pk + "/").json()
                .get("status").asText().equals(status));
        return demo().get("algorithms/jobs/" + pk + "/").json();
    }

    @Test
    void fieldsOfThePayload() {
        assertThat(demo().post("algorithms/jobs/", "[]").json())
                .hasToString("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
        assertThat(demo().post("algorithms/jobs/", Map.of()).json())
                .hasToString("{\"algorithm\":[\"This field is required.\"],\"inputs\":[\"This field is required.\"]}");
        assertThat(demo().post("algorithms/jobs/", "{\"algorithm\": null, \"inputs\": null}").json())
                .hasToString("{\"algorithm\":[\"This field may not be null.\"],\"inputs\":[\"This field may not be null.\"]}");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", "", "inputs", List.of())).json()
                .get("algorithm").get(0).asText()).as("relational fields read \"\" as null")
                .isEqualTo("This field may not be null.");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", 5, "inputs", List.of())).json()
                .get("algorithm").get(0).asText()).isEqualTo("Incorrect type. Expected URL string, received int.");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", gc.baseUrl() + "algorithms/", "inputs",
                List.of())).json().get("algorithm").get(0).asText()).as("the list route resolves, to the wrong view")
                .isEqualTo("Invalid hyperlink - Incorrect URL match.");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", gc.baseUrl() + "nothing/here/", "inputs",
                List.of())).json().get("algorithm").get(0).asText()).isEqualTo("Invalid hyperlink - No URL match.");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", gc.baseUrl() + "algorithms/abc/", "inputs",
                List.of())).json().get("algorithm").get(0).asText()).isEqualTo("\u201cabc\u201d is not a valid UUID.");
        assertThat(as(gc, "other").post("algorithms/jobs/", Map.of("algorithm", algorithm("always-fails"), "inputs",
                List.of())).json().get("algorithm").get(0).asText()).as("no permission to execute")
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        assertThat(demo().post("algorithms/jobs/", Map.of("algorithm", algorithm("always-fails"), "inputs", "x")).json())
                .hasToString("{\"inputs\":{\"non_field_errors\":[\"Expected a list of items but got type \\\"str\\\".\"]}}");
        assertThat(demo().post("algorithms/jobs/", "{\"algorithm\": \"" + algorithm("always-fails")
                + "\", \"inputs\": [null, \"x\", {}, {\"interface\": \"patient-height\", \"value\": 1}]}").json())
                .hasToString("{\"inputs\":[[\"This field may not be null.\"],{\"non_field_errors\":[\"Invalid data. "
                        + "Expected a dictionary, but got str.\"]},{\"interface\":[\"This field is required.\"]},{}]}");
        JsonNode both = demo().post("algorithms/jobs/", Map.of("algorithm", "x", "inputs", List.of(Map.of("interface",
                "nope")))).json();
        assertThat(both.fieldNames()).toIterable().as("all field errors at once").containsExactly("algorithm", "inputs");
    }

    @Test
    void keysOfAnInput() {
        assertThat(itemError("always-fails", input("interface", ""))).isEqualTo("{\"interface\":[\"This field may not be null.\"]}");
        assertThat(itemError("always-fails", input("interface", "nope")))
                .isEqualTo("{\"interface\":[\"Object with slug=nope does not exist.\"]}");
        assertThat(itemError("always-fails", input("interface", "patient-height", "file", "x")))
                .isEqualTo("{\"file\":[\"The submitted data was not a file. Check the encoding type on the form.\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "user_uploads", "x"))).isEqualTo("{\"user_uploads\":[\"Expected a list of items but got type \\\"str\\\".\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "user_uploads", 3))).isEqualTo("{\"user_uploads\":[\"Expected a list of items but got type \\\"int\\\".\"]}");
        List<Object> nullItem = new ArrayList<>();
        nullItem.add(null);
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "user_uploads", nullItem)))
                .isEqualTo("{\"user_uploads\":[\"Incorrect type. Expected URL string, received NoneType.\"]}");
        JsonNode mine = demo().post("uploads/", Map.of("filename", "x.mha")).json();
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "user_uploads", List.of(mine.get("api_url").asText(), gc.baseUrl() + "uploads/" + UUID.randomUUID() + "/"))))
                .as("the first bad link is the field's error")
                .isEqualTo("{\"user_uploads\":[\"Invalid hyperlink - Object does not exist.\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "image_name", " "))).isEqualTo("{\"image_name\":[\"This field may not be blank.\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image", "image",
                gc.baseUrl() + "algorithms/jobs/" + UUID.randomUUID() + "/")))
                .isEqualTo("{\"image\":[\"Invalid hyperlink - Incorrect URL match.\"]}");
    }

    @Test
    void sourcesOfAnInput() {
        assertThat(itemError("always-fails", input("interface", "patient-height")))
                .isEqualTo("{\"non_field_errors\":[\"You must provide at least one of " + SOURCES + ".\"]}");
        // A key sent as null counts as given: the super kind's rule answers instead.
        assertThat(itemError("always-fails", input("interface", "patient-height", "value", null)))
                .isEqualTo("{\"non_field_errors\":[\"value is required for interface kind FLT\"]}");
        assertThat(itemError("always-fails", input("interface", "patient-height", "value", 1, "image", archiveImage())))
                .isEqualTo("{\"non_field_errors\":[\"You can only provide one of " + SOURCES + " for each socket.\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image",
                "user_uploads", List.of()))).as("an empty list is no source")
                .isEqualTo("{\"non_field_errors\":[\"upload_session, user_uploads or image are required for interface kind IMG\"]}");
        assertThat(itemError("pulmonary-lobe-segmentation", input("interface", "generic-medical-image", "image", "")))
                .isEqualTo("{\"non_field_errors\":[\"upload_session, user_uploads or image are required for interface kind IMG\"]}");
        assertThat(itemError("many-kinds", input("interface", "report", "value", 1)))
                .isEqualTo("{\"non_field_errors\":[\"user_upload or file is required for interface kind PDF\"]}");
        JsonNode upload = completedUpload(demo(), "dicom.dcm", new byte[4]);
        assertThat(itemError("many-kinds", input("interface", "dicom-scan", "user_uploads",
                List.of(upload.get("api_url").asText())))).isEqualTo("{\"non_field_errors\":[\"either user_uploads with "
                + "image_name, or image are required for interface kind DCMIS\"]}");
        assertThat(itemError("many-kinds", input("interface", "dicom-scan", "image", archiveImage())))
                .isEqualTo("{\"__all__\":[\"Image must be DICOM\"]}");
    }

    @Test
    void valuesAreCheckedAgainstTheKindsSchemaWithJsonschemasWording() {
        String prefix = "{\"__all__\":[\"JSON does not fulfill schema: instance ";
        assertThat(itemError("always-fails", input("interface", "patient-height", "value", "tall")))
                .isEqualTo(prefix + "'tall' is not of type 'number'\"]}");
        assertThat(itemError("always-fails", input("interface", "patient-height", "value", true)))
                .isEqualTo(prefix + "is not of type 'number'\"]}");
        assertThat(itemError("many-kinds", input("interface", "count", "value", 2.5)))
                .isEqualTo(prefix + "is not of type 'integer'\"]}");
        assertThat(post("many-kinds", input("interface", "count", "value", 2.0)).status())
                .as("draft 7: an integral float is an integer").isEqualTo(201);
        assertThat(itemError("many-kinds", input("interface", "choices", "value", List.of("a", 1))))
                .isEqualTo(prefix + "is not of type 'string'\"]}");
        assertThat(itemError("many-kinds", input("interface", "point-of-interest", "value", Map.of())))
                .isEqualTo(prefix + "'version' is a required property\"]}");
        assertThat(itemError("many-kinds", input("interface", "point-of-interest", "value", Map.of("version",
                Map.of("major", 1, "minor", 0), "type", "Point", "point", List.of(1, 2, 3), "colour", "red"))))
                .isEqualTo(prefix + "Additional properties are not allowed ('colour' was unexpected)\"]}");
        assertThat(itemError("many-kinds", input("interface", "point-of-interest", "value", Map.of("version",
                Map.of("major", 1, "minor", 0), "type", "Pt", "point", List.of(1, 2, 3)))))
                .isEqualTo(prefix + "'Pt' is not one of ['Point']\"]}");
    }

    @Test
    void existingImagesAreCheckedAgainstTheSocket() {
        assertThat(itemError("many-kinds", input("interface", "fixed-mask", "image", archiveImage())))
                .as("panimg gives segments only to 8-bit images").startsWith("{\"__all__\":[\"Image segments could not "
                        + "be determined, ensure the voxel values are integers and that it contains no more than 64 segments.");
        assertThat(itemError("many-kinds", input("interface", "displacement-field", "image", archiveImage())))
                .isEqualTo("{\"__all__\":[\"Deformation and displacement must be 4D images.\"]}");
    }

    @Test
    void objectChecksComeAfterTheFieldsAndInTheSerializersOrder() {
        assertThat(post("algorithm-without-image", input("interface", "nope")).json().has("inputs")).isTrue();
        assertThat(post("algorithm-without-image").json().get("non_field_errors").get(0).asText())
                .isEqualTo("Algorithm image is not ready to be used");
        assertThat(post("always-fails", input("interface", "patient-height", "value", 1),
                input("interface", "patient-height", "value", 2)).status())
                .as("the interface check compares the set of sockets; the later value replaces the earlier")
                .isEqualTo(201);
    }

    @Test
    void jobsReuseSocketValuesAndAnswerInThePostShape() {
        JsonNode a = post("lung-volume-estimator", input("interface", "patient-height", "value", 150)).json();
        JsonNode b = post("slow-algorithm", input("interface", "patient-height", "value", 150.0)).json();
        assertThat(b.get("inputs").get(0).get("pk")).as("get_first_or_create: the same socket value")
                .isEqualTo(a.get("inputs").get(0).get("pk"));
        assertThat(post("slow-algorithm", input("interface", "patient-height", "value", 150)).json()
                .get("non_field_errors").get(0).asText()).as("150 equals 150.0 as jsonb")
                .isEqualTo("A result for these inputs with the current image and model already exists.");
        JsonNode twice = post("always-fails", input("interface", "patient-height", "value", 11),
                input("interface", "patient-height", "value", 12)).json();
        assertThat(twice.get("inputs")).hasSize(1);
        assertThat(twice.get("inputs").get(0).get("value").asInt()).isEqualTo(12);

        String image = archiveImage();
        JsonNode sink = post("kitchen-sink", input("interface", "count", "value", 424242),
                input("interface", "generic-medical-image", "image", image),
                input("interface", "chart", "value", Map.of("mark", "bar")),
                input("interface", "report", "user_upload", completedUpload(demo(), "r.pdf", new byte[3]).get("api_url").asText()),
                input("interface", "preview", "user_upload", completedUpload(demo(), "p.png", new byte[3]).get("api_url").asText()),
                input("interface", "results-json-file", "user_upload",
                        completedUpload(demo(), "results.json", "{}".getBytes(StandardCharsets.UTF_8)).get("api_url").asText()))
                .json();
        assertThat(sink.get("inputs").findValuesAsText("interface")).as("post shape: socket values by pk (the "
                + "archive's image value is older than the new count)").containsExactly("generic-medical-image",
                "count", "chart");
        JsonNode queued = awaitJob(sink.get("pk").asText(), "Executing");
        List<String> order = new ArrayList<>();
        queued.get("inputs").forEach(v -> order.add(v.get("interface").get("slug").asText()));
        assertThat(order).as("sort_civs: JSON kinds (files too), thumbnails, charts, files, images")
                .containsExactly("count", "results-json-file", "preview", "chart", "report", "generic-medical-image");
        assertThat(queued.get("inputs").get(4).get("file").asText()).endsWith("/r.pdf");
    }

    @Test
    void userUploadsBecomeAnUploadSessionOfTheCaller() {
        JsonNode upload = completedUpload(demo(), "scan.mha", Conformance.ct(7));
        JsonNode job = post("pulmonary-lobe-segmentation", input("interface", "generic-medical-image", "user_uploads",
                List.of(upload.get("api_url").asText()), "value", null, "file", null, "image", null, "upload_session",
                null, "user_upload", null, "image_name", null)).json();
        assertThat(job.get("status").asText()).isEqualTo("Validating inputs");
        JsonNode done = awaitJob(job.get("pk").asText(), "Succeeded");
        String imagePk = done.get("inputs").get(0).get("image").asText().replaceAll(".*/images/([^/]+)/", "$1");
        JsonNode image = demo().get("cases/images/" + imagePk + "/").json();
        assertThat(demo().get("cases/images/?name=scan.mha").json().get("results").get(0).get("pk").asText())
                .isEqualTo(imagePk);
        JsonNode session = null;
        for (JsonNode s : demo().get("cases/upload-sessions/?limit=1000").json().get("results")) {
            if (s.get("image_set").toString().contains(imagePk)) {
                session = s;
            }
        }
        assertThat(session).as("the platform creates a RawImageUploadSession for user_uploads").isNotNull();
        assertThat(session.get("status").asText()).isEqualTo("Succeeded");
        assertThat(session.get("user_uploads")).as("imported uploads are deleted").isEmpty();
        assertThat(demo().get("cases/images/?origin=" + session.get("pk").asText()).json().get("count").asInt())
                .isEqualTo(1);
        assertThat(image.get("name").asText()).isEqualTo("scan.mha");
    }

    @Test
    void importFailuresCancelTheJobAndFailTheSessionWithTheSocketsWording() {
        String wording = "Image validation for socket Generic Medical Image failed with error: ";
        JsonNode bogus = completedUpload(demo(), "bogus.mha", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(cancelled("pulmonary-lobe-segmentation", "generic-medical-image", bogus))
                .isEqualTo(wording + "1 file could not be imported.");
        JsonNode started = demo().post("uploads/", Map.of("filename", "unfinished.mha")).json();
        assertThat(cancelled("pulmonary-lobe-segmentation", "generic-medical-image", started))
                .as("an upload that is not completed cannot be downloaded").isEqualTo(wording + "An unexpected error occurred.");
        JsonNode one = completedUpload(demo(), "one.mha", Conformance.ct(8));
        JsonNode two = completedUpload(demo(), "two.mha", Conformance.ct(9));
        assertThat(cancelled("pulmonary-lobe-segmentation", "generic-medical-image", one, two))
                .isEqualTo(wording + "Image imports should result in a single image.");
        JsonNode wide = completedUpload(demo(), "wide.mha", Conformance.mha(ElementType.MET_SHORT, 4, 4, 4, i -> i % 2));
        assertThat(cancelled("many-kinds", "fixed-mask", wide)).startsWith("Image validation for socket Fixed Mask "
                + "failed with error: Image segments could not be determined");
        JsonNode labels = completedUpload(demo(), "labels.mha", Conformance.mha(ElementType.MET_UCHAR, 4, 4, 4, i -> i % 3));
        assertThat(cancelled("many-kinds", "fixed-mask", labels)).isEqualTo("Image validation for socket Fixed Mask "
                + "failed with error: The valid voxel values for this segmentation are: {0, 1}. This segmentation is "
                + "invalid as it contains the voxel values: {2}..");
    }

    /** Posts a job with the uploads, waits for Cancelled and returns its session's error message. */
    private static String cancelled(String slug, String socket, JsonNode... uploads) {
        List<String> links = new ArrayList<>();
        for (JsonNode u : uploads) {
            links.add(u.get("api_url").asText());
        }
        JsonNode job = post(slug, input("interface", socket, "user_uploads", links)).json();
        awaitJob(job.get("pk").asText(), "Cancelled");
        // The newest session is the one the job created (the emulator lists sessions by creation).
        JsonNode sessions = demo().get("cases/upload-sessions/?limit=1000").json().get("results");
        JsonNode session = sessions.get(sessions.size() - 1);
        assertThat(session.get("status").asText()).isEqualTo("Failed");
        return session.get("error_message").asText();
    }

    @Test
    void fileInputsKeepTheUploadsNameAndNeedACompletedUpload() {
        JsonNode named = completedUpload(demo(), "My Report (v2).pdf", new byte[5]);
        JsonNode job = post("many-kinds", input("interface", "report", "user_upload", named.get("api_url").asText())).json();
        JsonNode running = awaitJob(job.get("pk").asText(), "Executing");
        assertThat(running.get("inputs").get(0).get("file").asText()).as("Django's get_valid_filename")
                .endsWith("/My_Report_v2.pdf");
        assertThat(demo().get("uploads/" + named.get("pk").asText() + "/").status()).isEqualTo(404);
        JsonNode unfinished = demo().post("uploads/", Map.of("filename", "late.pdf")).json();
        JsonNode late = post("many-kinds", input("interface", "report", "user_upload", unfinished.get("api_url").asText()))
                .json();
        awaitJob(late.get("pk").asText(), "Cancelled");
        JsonNode badJson = completedUpload(demo(), "info.json", "{not json".getBytes(StandardCharsets.UTF_8));
        JsonNode info = post("lung-volume-estimator", input("interface", "patient-height", "value", 181),
                input("interface", "clinical-information", "user_upload", badJson.get("api_url").asText())).json();
        awaitJob(info.get("pk").asText(), "Cancelled");
    }

    @Test
    void listFiltersAnswerWithDjangoFiltersMessages() {
        assertThat(demo().get("algorithms/jobs/?input_image=nope").json())
                .hasToString("{\"input_image\":[\"\u201cnope\u201d is not a valid value.\"]}");
        String unknown = UUID.randomUUID().toString();
        assertThat(demo().get("algorithms/jobs/?output_image=" + unknown).json()).hasToString(
                "{\"output_image\":[\"Select a valid choice. " + unknown + " is not one of the available choices.\"]}");
        String image = archiveImage().replaceAll(".*/images/([^/]+)/", "$1");
        assertThat(demo().get("algorithms/jobs/?input_image=" + image.toUpperCase()).json().get("input_image").get(0)
                .asText()).as("the text must equal str(pk)").startsWith("Select a valid choice.");
        assertThat(demo().get("algorithms/jobs/?algorithm_image__algorithm=nope&input_image=nope").json().fieldNames())
                .toIterable().containsExactly("algorithm_image__algorithm", "input_image");
        assertThat(demo().get("algorithms/jobs/?algorithm_image__algorithm=").json().has("count"))
                .as("empty values filter nothing").isTrue();
        assertThat(demo().get("algorithms/jobs/?input_image=").json().get("input_image").get(0).asText())
                .isEqualTo("\u201c\u201d is not a valid value.");
    }
}
