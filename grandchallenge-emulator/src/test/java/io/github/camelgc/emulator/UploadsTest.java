package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.Upload;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UploadsTest {

    static final int MIB = 1024 * 1024;

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    private ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    private JsonNode create(String filename) {
        ApiClient.Answer created = demo().post("uploads/", Map.of("filename", filename));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static String path(JsonNode upload, String action) {
        return "uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText() + "/" + action + "/";
    }

    @Test
    void multipartUploadStoresTheConcatenatedPartsAndAnswersQuotedMd5ETags() throws Exception {
        JsonNode upload = create("case_001.mha");
        assertThat(upload.get("status").asText()).isEqualTo("Initialized");
        assertThat(upload.get("key").asText()).isEqualTo("uploads/1/" + upload.get("pk").asText());
        assertThat(upload.get("api_url").asText()).isEqualTo(gc.baseUrl() + "uploads/" + upload.get("pk").asText() + "/");

        JsonNode presigned = demo().patch(path(upload, "generate-presigned-urls"), Map.of("part_numbers", List.of(1, 2)))
                .json();
        JsonNode urls = presigned.get("presigned_urls");
        assertThat(urls.fieldNames()).toIterable().containsExactly("1", "2");
        assertThat(urls.get("1").asText()).startsWith("https://localhost:" + gc.emulator().httpsPort() + "/storage/");

        byte[] part1 = new byte[5 * MIB];
        byte[] part2 = new byte[1234];
        new Random(1).nextBytes(part1);
        new Random(2).nextBytes(part2);
        ApiClient.Answer put1 = demo().putBytes(urls.get("1").asText(), part1);
        ApiClient.Answer put2 = demo().putBytes(urls.get("2").asText(), part2);
        assertThat(put1.status()).isEqualTo(200);
        assertThat(put1.header("ETag")).isEqualTo("\"" + md5(part1) + "\"");

        JsonNode listed = demo().get(path(upload, "list-parts")).json();
        assertThat(listed.get("parts")).hasSize(2);
        assertThat(listed.get("parts").get(1).get("Size").asLong()).isEqualTo(part2.length);

        ApiClient.Answer completed = demo().patch(path(upload, "complete-multipart-upload"), Map.of("parts", List.of(
                Map.of("ETag", put1.header("ETag"), "PartNumber", 1), Map.of("ETag", put2.header("ETag"), "PartNumber", 2))));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("Completed");

        Upload stored = gc.state().upload(upload.get("pk").asText()).orElseThrow();
        byte[] whole = Files.readAllBytes(stored.blob());
        assertThat(whole).hasSize(part1.length + part2.length);
        assertThat(md5(whole)).isEqualTo(md5(concat(part1, part2)));
    }

    @Test
    void completionEnforcesS3PartSizeAndETagRules() {
        JsonNode upload = create("small-parts.mha");
        JsonNode urls = demo().patch(path(upload, "generate-presigned-urls"), Map.of("part_numbers", List.of(1, 2)))
                .json().get("presigned_urls");
        String etag1 = demo().putBytes(urls.get("1").asText(), new byte[100]).header("ETag");
        String etag2 = demo().putBytes(urls.get("2").asText(), new byte[100]).header("ETag");

        ApiClient.Answer tooSmall = demo().patch(path(upload, "complete-multipart-upload"), Map.of("parts", List.of(
                Map.of("ETag", etag1, "PartNumber", 1), Map.of("ETag", etag2, "PartNumber", 2))));
        assertThat(tooSmall.status()).isEqualTo(500);
        ApiClient.Answer wrongEtag = demo().patch(path(upload, "complete-multipart-upload"), Map.of("parts", List.of(
                Map.of("ETag", "\"0000\"", "PartNumber", 1))));
        assertThat(wrongEtag.status()).isEqualTo(500);
        ApiClient.Answer missing = demo().patch(path(upload, "complete-multipart-upload"), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("non_field_errors").get(0).asText()).isEqualTo("The `parts` field is required");

        ApiClient.Answer single = demo().patch(path(upload, "complete-multipart-upload"), Map.of("parts", List.of(
                Map.of("ETag", etag1, "PartNumber", 1))));
        assertThat(single.json().get("status").asText()).as("a single small part is fine").isEqualTo("Completed");
    }

    @Test
    void validationErrorsUseThePlatformMessages() {
        assertThat(demo().post("uploads/", Map.of()).json().get("filename").get(0).asText())
                .isEqualTo("This field is required.");
        assertThat(demo().post("uploads/", Map.of("filename", "../x.mha")).json().get("filename").get(0).asText())
                .isEqualTo("../x.mha is not a valid filename");

        JsonNode upload = create("a.mha");
        assertThat(demo().patch(path(upload, "generate-presigned-urls"), Map.of()).json().get("non_field_errors").get(0)
                .asText()).isEqualTo("The `part_numbers` field is required");
        JsonNode outOfRange = demo().patch(path(upload, "generate-presigned-urls"),
                Map.of("part_numbers", List.of(1, 10001))).json();
        assertThat(outOfRange.get("part_numbers").get("1").get(0).asText())
                .isEqualTo("Ensure this value is less than or equal to 10000.");
        ApiClient.Answer wrongId = demo().patch("uploads/" + upload.get("pk").asText() + "/other-id/generate-presigned-urls/",
                Map.of("part_numbers", List.of(1)));
        assertThat(wrongId.status()).isEqualTo(404);
    }

    @Test
    void abortClearsTheUploadIdAndOtherUsersSeeNothing() {
        JsonNode upload = create("aborted.mha");
        JsonNode aborted = demo().patch(path(upload, "abort-multipart-upload"), "").json();
        assertThat(aborted.get("status").asText()).isEqualTo("Aborted");
        assertThat(aborted.get("s3_upload_id").asText()).isEmpty();

        ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
        ApiClient.Answer detail = other.get("uploads/" + upload.get("pk").asText() + "/");
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.json().get("detail").asText()).isEqualTo("No UserUpload matches the given query.");
    }

    @Test
    void partUrlsNeedTheirSignature() {
        JsonNode upload = create("signed.mha");
        String url = demo().patch(path(upload, "generate-presigned-urls"), Map.of("part_numbers", List.of(1))).json()
                .get("presigned_urls").get("1").asText();
        assertThat(demo().putBytes(url.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00"), new byte[1])
                .status()).isEqualTo(403);
        assertThat(demo().putBytes(url.replace("partNumber=1", "partNumber=2"), new byte[1]).status()).isEqualTo(403);
    }

    @Test
    void quotaExceededAnswersUploadLimitReached() {
        GrandChallengeEmulator emulator = gc.emulator();
        long quota = emulator.config().uploadQuotaBytes();
        try {
            // "other" has no uploads of its own, so only this upload's parts count.
            ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
            emulator.config().uploadQuotaBytes(5);
            JsonNode upload = other.post("uploads/", Map.of("filename", "quota.mha")).json();
            String url = other.patch(path(upload, "generate-presigned-urls"), Map.of("part_numbers", List.of(1))).json()
                    .get("presigned_urls").get("1").asText();
            other.putBytes(url, new byte[10]);
            ApiClient.Answer refused = other.patch(path(upload, "generate-presigned-urls"),
                    Map.of("part_numbers", List.of(2)));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).isEqualTo("Upload limit reached");
        } finally {
            emulator.config().uploadQuotaBytes(quota);
        }
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
