package io.github.camelgc.grandchallenge.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.RetryLimits;
import io.github.camelgc.grandchallenge.model.UserUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in its own failsafe execution with a 64 MiB heap (see the pom): uploading a file several times larger than
 * the heap, with 32 MiB parts four at a time, only works if parts stream from disk.
 */
class UploadSmallHeapIT {

    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path dir;

    @Test
    void uploadsAFileLargerThanTheHeap() throws Exception {
        // only meaningful in the pom's small-heap execution; a -Dit.test filter can also pull it into the default one
        assumeTrue(Runtime.getRuntime().maxMemory() < 100 * MIB, "runs only with a heap smaller than the file");
        Path large = sparseFile(dir.resolve("large.raw"), 200 * MIB);
        ClientSettings settings = ClientSettings.builder(URI.create(GC.baseUrl())).token(ApiToken.of(GC.token("demo")))
                .trustStore(GC.trustStore()).connectTimeout(Duration.ofSeconds(5))
                .retry(new RetryLimits(2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .uploadPartSize(32 * MIB).uploadConcurrency(4).build();
        try (GrandChallengeClient client = new GrandChallengeClient(settings)) {
            UserUpload upload = client.upload(large, "large.raw");
            assertThat(upload.status()).isEqualTo("Completed");
        }
        assertThat(GC.state().uploads(u -> u.filename().equals("large.raw"))).singleElement()
                .satisfies(u -> assertThat(u.size()).isEqualTo(200 * MIB));
    }

    private static Path sparseFile(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(size - 4);
            raf.writeInt(42);
        }
        return file;
    }
}
