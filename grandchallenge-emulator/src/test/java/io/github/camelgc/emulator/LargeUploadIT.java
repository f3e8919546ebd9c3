package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.Upload;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A part larger than the test JVM's whole heap (-Xmx256m, set in the module pom) goes through the
 * emulator: it can only pass if request bodies are streamed to disk.
 */
class LargeUploadIT {

    static final long PART_SIZE = 300L * 1024 * 1024;

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @Test
    void partLargerThanTheHeapStreamsToDiskWithItsMd5() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(PART_SIZE);
        ApiClient demo = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
        JsonNode upload = demo.post("uploads/", Map.of("filename", "big.mha")).json();
        String base = "uploads/" + upload.get("pk").asText() + "/" + upload.get("s3_upload_id").asText() + "/";
        String url = demo.patch(base + "generate-presigned-urls/", Map.of("part_numbers", List.of(1))).json()
                .get("presigned_urls").get("1").asText();

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        HttpClient http = HttpClient.newBuilder().sslContext(gc.sslContext()).build();
        HttpRequest put = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(PART_SIZE, md5)), PART_SIZE)).build();
        HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"" + HexFormat.of().formatHex(md5.digest()) + "\"");

        JsonNode completed = demo.patch(base + "complete-multipart-upload/", Map.of("parts",
                List.of(Map.of("ETag", answer.headers().firstValue("ETag").orElseThrow(), "PartNumber", 1)))).json();
        assertThat(completed.get("status").asText()).isEqualTo("Completed");
        Upload stored = gc.state().upload(upload.get("pk").asText()).orElseThrow();
        assertThat(Files.size(stored.blob())).isEqualTo(PART_SIZE);
    }

    /** Deterministic bytes generated on the fly, digested as they are read. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest md5;
        private long position;

        PatternStream(long size, MessageDigest md5) {
            this.size = size;
            this.md5 = md5;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position + i) * 7 >>> 3);
            }
            md5.update(b, off, n);
            position += n;
            return n;
        }
    }
}
