package io.github.camelgc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.emulator.fixture.FixtureLoader;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Shared helpers of the conformance tests: each test class states the platform's answer to requests of one
 * resource, so a later audit of the emulator against the platform's source is a diff of these classes.
 */
final class Conformance {

    private Conformance() {
    }

    static ApiClient as(GrandChallengeEmulatorExtension gc, String username) {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), username == null ? null : gc.token(username));
    }

    /** Creates, uploads (one part) and completes an upload of {@code bytes}. */
    static JsonNode completedUpload(ApiClient client, String filename, byte[] bytes) {
        JsonNode upload = client.post("uploads/", Map.of("filename", filename)).json();
        String url = client.patch(actions(upload) + "generate-presigned-urls/", Map.of("part_numbers", List.of(1)))
                .json().get("presigned_urls").get("1").asText();
        String etag = client.putBytes(url, bytes).header("ETag");
        ApiClient.Answer done = client.patch(actions(upload) + "complete-multipart-upload/",
                Map.of("parts", List.of(Map.of("ETag", etag, "PartNumber", 1))));
        if (done.status() != 200) {
            throw new IllegalStateException("completion answered " + done.status() + ": " + done.text());
        }
        return done.json();
    }

    /** {@code uploads/<pk>/<s3_upload_id>/}. */
    static String actions(JsonNode upload) {
        return "uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText() + "/";
    }

    /** A small 3-D MetaImage of {@code type} whose voxels are {@code value(i)}. */
    static byte[] mha(ElementType type, int x, int y, int z, java.util.function.LongUnaryOperator value) {
        MetaImage image = MetaImage.create(MetaImageHeader.of(type, x, y, z));
        for (long i = 0; i < image.elementCount(); i++) {
            image.setLong(i, value.applyAsLong(i));
        }
        try {
            Path file = Files.createTempFile("conformance-", ".mha");
            try {
                MetaImageWriter.write(file, image);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CT-like int16 image. */
    static byte[] ct(int seed) {
        return mha(ElementType.MET_SHORT, 8, 6, 4, i -> (i * 31 + seed) % 2000 - 1000);
    }

    /** The default fixture plus sockets and algorithms for kinds the default fixture lacks, under {@code target/}. */
    static Path fixture() {
        try (InputStream in = FixtureLoader.class.getResourceAsStream(FixtureLoader.DEFAULT_RESOURCE)) {
            ObjectNode fixture = (ObjectNode) ApiClient.JSON.readTree(in);
            ArrayNode sockets = (ArrayNode) fixture.get("sockets");
            sockets.add(socket("count", "Count", "Integer"));
            sockets.add(socket("choices", "Choices", "Multiple choice"));
            sockets.add(socket("point-of-interest", "Point Of Interest", "Point"));
            sockets.add(socket("report", "Report", "PDF file").put("relative_path", "report.pdf"));
            sockets.add(socket("preview", "Preview", "Thumbnail png").put("relative_path", "preview.png"));
            sockets.add(socket("chart", "Chart", "Chart"));
            sockets.add(socket("dicom-scan", "DICOM Scan", "DICOM Image Set"));
            ArrayNode algorithms = (ArrayNode) fixture.get("algorithms");
            algorithms.add(algorithm("gpu-segmentation", "Gpu Segmentation", List.of(List.of("generic-medical-image")))
                    .put("job_requires_gpu_type", "T4"));
            algorithms.add(algorithm("kitchen-sink", "Kitchen Sink", List.of(List.of("count", "report", "preview",
                    "chart", "results-json-file", "generic-medical-image"))));
            algorithms.add(algorithm("many-kinds", "Many Kinds", List.of(List.of("count"), List.of("choices"),
                    List.of("point-of-interest"), List.of("dicom-scan"), List.of("fixed-mask"),
                    List.of("displacement-field"), List.of("report"))));
            // Users with nothing shared, so each test can own one; every algorithm is theirs to run.
            ArrayNode users = (ArrayNode) fixture.get("users");
            for (int id = 3; id <= 9; id++) {
                users.add(ApiClient.JSON.createObjectNode().put("id", id).put("username", "user" + id)
                        .put("token", String.format("%064x", id)));
            }
            for (JsonNode a : algorithms) {
                ArrayNode allowed = ((ObjectNode) a).withArray("users");
                for (int id = 3; id <= 9; id++) {
                    allowed.add("user" + id);
                }
            }
            Path file = Path.of("target", "conformance-fixture.json");
            Files.createDirectories(file.getParent());
            ApiClient.JSON.writeValue(file.toFile(), fixture);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode socket(String slug, String title, String kind) {
        return ApiClient.JSON.createObjectNode().put("slug", slug).put("title", title).put("kind", kind);
    }

    private static ObjectNode algorithm(String slug, String title, List<List<String>> interfaces) {
        ObjectNode a = ApiClient.JSON.createObjectNode().put("slug", slug).put("title", title).put("builtin",
                "never-finish");
        a.set("users", ApiClient.JSON.valueToTree(List.of("demo")));
        a.set("interfaces", ApiClient.JSON.valueToTree(interfaces.stream()
                .map(inputs -> Map.of("inputs", inputs, "outputs", List.of("lung-volume"))).toList()));
        return a;
    }
}
