package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.actions;
import static io.github.camelgc.emulator.Conformance.as;
import static io.github.camelgc.emulator.Conformance.completedUpload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's answers for {@code uploads/} ({@code uploads/views.py}, {@code serializers.py}, {@code models.py})
 * and for the S3 side of an upload (presigned part PUTs, completion), request by request.
 */
class UploadsConformanceTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    private static JsonNode created(String name) {
        return demo().post("uploads/", Map.of("filename", name)).json();
    }

    private static String presign(JsonNode upload, int part) {
        return demo().patch(actions(upload) + "generate-presigned-urls/", Map.of("part_numbers", List.of(part))).json()
                .get("presigned_urls").get(String.valueOf(part)).asText();
    }

    @Test
    void createValidatesTheFilenameLikeUserUploadCreateSerializer() {
        assertThat(demo().post("uploads/", Map.of()).json()).hasToString("{\"filename\":[\"This field is required.\"]}");
        assertThat(demo().post("uploads/", "{\"filename\": null}").json())
                .hasToString("{\"filename\":[\"This field may not be null.\"]}");
        assertThat(demo().post("uploads/", Map.of("filename", "   ")).json())
                .hasToString("{\"filename\":[\"This field may not be blank.\"]}");
        assertThat(demo().post("uploads/", Map.of("filename", true)).json())
                .hasToString("{\"filename\":[\"Not a valid string.\"]}");
        assertThat(demo().post("uploads/", Map.of("filename", "a".repeat(129))).json())
                .hasToString("{\"filename\":[\"Ensure this field has no more than 128 characters.\"]}");
        // validate_filename: the name must equal Path(name).name, so only "/" and "." are refused.
        assertThat(demo().post("uploads/", Map.of("filename", "../x.mha")).json())
                .hasToString("{\"filename\":[\"../x.mha is not a valid filename\"]}");
        assertThat(demo().post("uploads/", Map.of("filename", ".")).json())
                .hasToString("{\"filename\":[\". is not a valid filename\"]}");
        JsonNode backslash = demo().post("uploads/", Map.of("filename", "a\\b.mha")).json();
        assertThat(backslash.get("filename").asText()).as("a backslash is part of a POSIX name").isEqualTo("a\\b.mha");
        JsonNode trimmed = demo().post("uploads/", Map.of("filename", "  case.mha ")).json();
        assertThat(trimmed.get("filename").asText()).isEqualTo("case.mha");
        assertThat(demo().post("uploads/", Map.of("filename", 42)).json().get("filename").asText()).isEqualTo("42");
        assertThat(trimmed.get("status").asText()).isEqualTo("Initialized");
        assertThat(trimmed.get("key").asText()).isEqualTo("uploads/1/" + trimmed.get("pk").asText());
        assertThat(demo().post("uploads/", "[1]").json())
                .hasToString("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
        assertThat(as(gc, null).post("uploads/", Map.of("filename", "x")).status()).isEqualTo(401);
    }

    @Test
    void presignChecksOwnershipUploadIdStateAndPartNumbersInThatOrder() {
        JsonNode upload = created("presign.mha");
        String base = actions(upload);
        ApiClient other = as(gc, "other");
        assertThat(other.patch(base + "generate-presigned-urls/", Map.of("part_numbers", List.of(1))).json()
                .get("detail").asText()).isEqualTo("No UserUpload matches the given query.");
        assertThat(demo().patch("uploads/" + upload.get("pk").asText() + "/wrong/generate-presigned-urls/",
                Map.of("part_numbers", List.of(1))).json()).as("the view's bare Http404")
                .hasToString("{\"detail\":\"Not found.\"}");
        assertThat(demo().patch(base + "generate-presigned-urls/", Map.of()).json())
                .hasToString("{\"non_field_errors\":[\"The `part_numbers` field is required\"]}");
        assertThat(demo().patch(base + "generate-presigned-urls/", "{\"part_numbers\": null}").json())
                .hasToString("{\"part_numbers\":[\"This field may not be null.\"]}");
        assertThat(demo().patch(base + "generate-presigned-urls/", Map.of("part_numbers", "1")).json())
                .hasToString("{\"part_numbers\":[\"Expected a list of items but got type \\\"str\\\".\"]}");
        assertThat(demo().patch(base + "generate-presigned-urls/", "{\"part_numbers\": [0, \"x\", 10001, 2.5, null]}")
                .json()).hasToString("{\"part_numbers\":{\"0\":[\"Ensure this value is greater than or equal to 1.\"],"
                + "\"1\":[\"A valid integer is required.\"],\"2\":[\"Ensure this value is less than or equal to 10000.\"],"
                + "\"3\":[\"A valid integer is required.\"],\"4\":[\"This field may not be null.\"]}}");
        // IntegerField reads "3" and 2.0; the dict keeps the request's order and the first place of a repeat.
        JsonNode urls = demo().patch(base + "generate-presigned-urls/", "{\"part_numbers\": [\"3\", 1, 2.0, 3]}")
                .json().get("presigned_urls");
        assertThat(urls.fieldNames()).toIterable().containsExactly("3", "1", "2");
        assertThat(demo().patch(base + "abort-multipart-upload/", "").status()).isEqualTo(200);
        JsonNode aborted = demo().get("uploads/" + upload.get("pk").asText() + "/").json();
        assertThat(aborted.get("s3_upload_id").asText()).isEmpty();
        assertThat(demo().patch(base + "generate-presigned-urls/", Map.of("part_numbers", List.of(1))).json())
                .as("the old upload id no longer matches").hasToString("{\"detail\":\"Not found.\"}");

        JsonNode done = completedUpload(demo(), "done.mha", new byte[10]);
        assertThat(demo().patch(actions(done) + "generate-presigned-urls/", Map.of()).json())
                .as("can_upload_more is checked before the body").hasToString("{\"detail\":\"Upload limit reached\"}");
    }

    @Test
    void quotaCountsThisUploadsPartsAndTheUsersCompletedUploadsOnly() {
        long quota = gc.emulator().config().uploadQuotaBytes();
        ApiClient other = as(gc, "other");
        try {
            JsonNode first = other.post("uploads/", Map.of("filename", "a.bin")).json();
            JsonNode second = other.post("uploads/", Map.of("filename", "b.bin")).json();
            gc.emulator().config().uploadQuotaBytes(100);
            String url = other.patch(actions(first) + "generate-presigned-urls/", Map.of("part_numbers", List.of(1)))
                    .json().get("presigned_urls").get("1").asText();
            other.putBytes(url, new byte[60]);
            // Another upload's pending parts do not count: 0 + 0 completed < 100.
            assertThat(other.patch(actions(second) + "generate-presigned-urls/", Map.of("part_numbers", List.of(1)))
                    .status()).isEqualTo(200);
            gc.emulator().config().uploadQuotaBytes(60);
            assertThat(other.patch(actions(first) + "generate-presigned-urls/", Map.of("part_numbers", List.of(2)))
                    .json().get("detail").asText()).as("60 bytes of parts reach a limit of 60")
                    .isEqualTo("Upload limit reached");
        } finally {
            gc.emulator().config().uploadQuotaBytes(quota);
        }
    }

    @Test
    void completeValidatesPartsThenFollowsS3() {
        JsonNode upload = created("complete.mha");
        String base = actions(upload);
        String url = presign(upload, 1);
        String etag = demo().putBytes(url, "hello".getBytes(StandardCharsets.UTF_8)).header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of()).json())
                .hasToString("{\"non_field_errors\":[\"The `parts` field is required\"]}");
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", Map.of("ETag", etag))).json())
                .hasToString("{\"parts\":{\"non_field_errors\":[\"Expected a list of items but got type \\\"dict\\\".\"]}}");
        assertThat(demo().patch(base + "complete-multipart-upload/", "{\"parts\": [{\"ETag\": \"\", \"PartNumber\": 0},"
                + " null, 7, {\"ETag\": \"x\", \"PartNumber\": 1, \"LastModified\": \"yesterday\", \"Size\": -1}]}")
                .json()).hasToString("{\"parts\":[{\"ETag\":[\"This field may not be blank.\"],\"PartNumber\":"
                + "[\"Ensure this value is greater than or equal to 1.\"]},[\"This field may not be null.\"],"
                + "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got int.\"]},{\"LastModified\":"
                + "[\"Datetime has wrong format. Use one of these formats instead: "
                + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].\"],\"Size\":"
                + "[\"Ensure this value is greater than or equal to 0.\"]}]}");
        // S3 refusals surface as Django's 500 page (the platform does not catch botocore's errors).
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of())).status())
                .as("MalformedXML").isEqualTo(500);
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts",
                List.of(Map.of("ETag", "\"0000\"", "PartNumber", 1)))).status()).as("InvalidPart").isEqualTo(500);
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of(Map.of("ETag", etag,
                "PartNumber", 1, "Size", 5)))).status()).as("boto3 refuses keys other than ETag and PartNumber")
                .isEqualTo(500);
        ApiClient.Answer page = demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of()));
        assertThat(page.header("Content-Type")).startsWith("text/html");
        // S3 compares ETags without their quotes.
        ApiClient.Answer completed = demo().patch(base + "complete-multipart-upload/", Map.of("parts",
                List.of(Map.of("ETag", etag.replace("\"", ""), "PartNumber", 1))));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().fieldNames()).toIterable().containsExactly("pk", "created", "filename", "key",
                "s3_upload_id", "status", "api_url");
        assertThat(completed.json().get("status").asText()).isEqualTo("Completed");
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts",
                List.of(Map.of("ETag", etag, "PartNumber", 1)))).status()).as("RuntimeError: not initialized")
                .isEqualTo(500);
        assertThat(demo().patch(base + "abort-multipart-upload/", "").status()).as("abort after completion")
                .isEqualTo(500);
        assertThat(demo().get(base + "list-parts/").status()).as("list_parts after completion").isEqualTo(500);
        assertThat(demo().putBytes(url, new byte[1]).text()).as("S3 has no such multipart upload any more")
                .contains("<Code>NoSuchUpload</Code>");
    }

    @Test
    void s3PartRulesOrderAndSizes() {
        JsonNode upload = created("parts.mha");
        String base = actions(upload);
        String e1 = demo().putBytes(presign(upload, 1), new byte[100]).header("ETag");
        String e2 = demo().putBytes(presign(upload, 2), new byte[100]).header("ETag");
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of(
                Map.of("ETag", e2, "PartNumber", 2), Map.of("ETag", e1, "PartNumber", 1)))).status())
                .as("InvalidPartOrder").isEqualTo(500);
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of(
                Map.of("ETag", e1, "PartNumber", 1), Map.of("ETag", e2, "PartNumber", 2)))).status())
                .as("EntityTooSmall: parts but the last need 5 MiB").isEqualTo(500);
        JsonNode listed = demo().get(base + "list-parts/").json();
        assertThat(listed.get("parts")).hasSize(2);
        assertThat(listed.get("parts").get(0).fieldNames()).toIterable()
                .containsExactly("ETag", "PartNumber", "LastModified", "Size");
        assertThat(listed.get("parts").get(0).get("LastModified").asText()).as("S3 reports seconds")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(as(gc, null).get(base + "list-parts/").json().get("detail").asText())
                .as("anonymous reads are filtered, not refused").isEqualTo("No UserUpload matches the given query.");
        assertThat(demo().patch(base + "complete-multipart-upload/", Map.of("parts", List.of(
                Map.of("ETag", e2, "PartNumber", 2)))).status()).as("a single (last) part may be small").isEqualTo(200);
        assertThat(demo().patch(base + "abort-multipart-upload/", "").status()).isEqualTo(500);
    }

    @Test
    void abortTwiceIsANotFoundBecauseTheUploadIdIsGone() {
        JsonNode upload = created("abort.mha");
        JsonNode aborted = demo().patch(actions(upload) + "abort-multipart-upload/", "").json();
        assertThat(aborted.get("status").asText()).isEqualTo("Aborted");
        assertThat(aborted.get("s3_upload_id").asText()).isEmpty();
        assertThat(demo().patch(actions(upload) + "abort-multipart-upload/", "").json())
                .hasToString("{\"detail\":\"Not found.\"}");
        assertThat(demo().get(actions(upload) + "list-parts/").json()).hasToString("{\"detail\":\"Not found.\"}");
    }

    @Test
    void storageTakesOneCredentialAndS3sRequestRules() {
        JsonNode upload = created("storage.mha");
        String url = presign(upload, 1);
        ApiClient.Answer twoCredentials = demo().sendRaw("PUT", url, HttpRequest.BodyPublishers.ofByteArray(new byte[3]),
                "Authorization", "Bearer " + gc.token("demo"));
        assertThat(twoCredentials.status()).isEqualTo(400);
        assertThat(twoCredentials.header("Content-Type")).isEqualTo("application/xml");
        assertThat(twoCredentials.text()).contains("<Code>InvalidArgument</Code>").contains("<Message>Only one auth "
                + "mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or "
                + "the Authorization header should be specified</Message>")
                .contains("<ArgumentName>Authorization</ArgumentName>").doesNotContain(gc.token("demo"));
        ApiClient.Answer chunked = demo().sendRaw("PUT", url, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(new byte[3])));
        assertThat(chunked.status()).as("S3 needs a Content-Length").isEqualTo(411);
        assertThat(chunked.text()).contains("<Code>MissingContentLength</Code>");
        assertThat(demo().putBytes(url.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00"), new byte[1])
                .text()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(demo().putBytes(url, new byte[3]).status()).isEqualTo(200);

        JsonNode done = completedUpload(demo(), "object.mha", Conformance.ct(1));
        String location = demo().get(imageFileOf(done)).header("Location");
        assertThat(demo().sendRaw("GET", location, HttpRequest.BodyPublishers.noBody(), "Authorization",
                "Bearer " + gc.token("demo")).text()).contains("<Code>InvalidArgument</Code>");
        assertThat(demo().getAnonymously(location).status()).isEqualTo(200);
        gc.advanceClock(Duration.ofMinutes(6));
        try {
            assertThat(demo().getAnonymously(location).text()).as("download URLs are valid 5 minutes")
                    .contains("<Code>AccessDenied</Code>").contains("Request has expired");
            assertThat(demo().putBytes(url, new byte[3]).status()).as("part URLs are valid an hour").isEqualTo(200);
        } finally {
            gc.advanceClock(Duration.ofMinutes(-6));
        }
    }

    /** Imports an upload through a session into the archive-less flow and returns its image file's media URL. */
    private static String imageFileOf(JsonNode upload) {
        JsonNode session = demo().post("cases/upload-sessions/", Map.of("uploads", List.of(upload.get("api_url").asText()),
                "archive", "coronacasesorg")).json();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> demo()
                .get(session.get("api_url").asText()).json().get("status").asText().equals("Succeeded"));
        String image = demo().get(session.get("api_url").asText()).json().get("image_set").get(0).asText();
        return demo().get(image).json().get("files").get(0).get("file").asText();
    }

    @Test
    void importedUploadsAreDeletedAndOthersAreInvisible() {
        JsonNode upload = completedUpload(demo(), "deleted.mha", Conformance.ct(2));
        imageFileOf(upload);
        assertThat(demo().get("uploads/" + upload.get("pk").asText() + "/").json().get("detail").asText())
                .isEqualTo("No UserUpload matches the given query.");
        assertThat(demo().get("uploads/" + UUID.randomUUID() + "/").json().get("detail").asText())
                .isEqualTo("No UserUpload matches the given query.");
        assertThat(demo().get("uploads/not-a-uuid/").json().get("detail").asText()).isEqualTo("Not found.");
        String canonical = created("case.mha").get("pk").asText();
        assertThat(demo().get("uploads/" + canonical.toUpperCase().replace("-", "") + "/").status())
                .as("Django reads any spelling of a UUID").isEqualTo(200);
        assertThat(as(gc, "other").get("uploads/").json().get("results").toString()).doesNotContain(canonical);
    }
}
