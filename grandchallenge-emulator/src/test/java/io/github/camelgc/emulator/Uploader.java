package io.github.camelgc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The spec's upload protocol (§11.2) as a test helper: create, presign, PUT parts, complete. */
final class Uploader {

    private Uploader() {
    }

    /** Uploads a file in parts of {@code partSize} bytes and returns the completed upload object. */
    static JsonNode upload(ApiClient client, Path file, int partSize) throws IOException {
        JsonNode upload = client.post("uploads/", Map.of("filename", file.getFileName().toString())).json();
        String base = "uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText() + "/";
        long size = Files.size(file);
        int parts = (int) Math.max(1, (size + partSize - 1) / partSize);
        List<Map<String, Object>> etags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = 1; n <= parts; n++) {
                String url = client.patch(base + "generate-presigned-urls/", Map.of("part_numbers", List.of(n))).json()
                        .get("presigned_urls").get(String.valueOf(n)).asText();
                ApiClient.Answer put = client.putBytes(url, in.readNBytes(partSize));
                if (put.status() != 200) {
                    throw new IllegalStateException("part " + n + " answered " + put.status());
                }
                etags.add(Map.of("ETag", put.header("ETag"), "PartNumber", n));
            }
        }
        ApiClient.Answer completed = client.patch(base + "complete-multipart-upload/", Map.of("parts", etags));
        if (completed.status() != 200) {
            throw new IllegalStateException("completion answered " + completed.status());
        }
        return completed.json();
    }
}
