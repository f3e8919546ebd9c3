package io.github.camelgc.grandchallenge.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.grandchallenge.LogCapture;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.client.RequestRetryStrategy;
import io.github.camelgc.grandchallenge.client.RetryLimits;
import io.github.camelgc.grandchallenge.client.upload.GrandChallengeUploadException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.UserUpload;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client against the emulator: lookups, multipart uploads, retries and their limits. */
class ClientIT {

    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path dir;

    private GrandChallengeClient client;
    /** Every retry's WARN line, kept off the console. */
    private LogCapture retries;

    @BeforeEach
    void connect() {
        client = new GrandChallengeClient(settings(GC.token("demo"), 3));
        GC.requestLog().clear();
        GC.faults().clear();
        retries = LogCapture.of(Level.WARN, RequestRetryStrategy.class.getName());
    }

    @AfterEach
    void close() throws Exception {
        retries.close();
        GC.faults().clear();
        client.close();
    }

    private static ClientSettings settings(String token, int concurrency) {
        return ClientSettings.builder(URI.create(GC.baseUrl())).token(ApiToken.of(token)).trustStore(GC.trustStore())
                .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(20))
                .retry(new RetryLimits(4, Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .uploadPartSize(5 * MIB).uploadConcurrency(concurrency).build();
    }

    /** The emulator logs a request just after answering it: wait briefly for the last entry. */
    private static void awaitCount(String what, java.util.function.LongSupplier count, long expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count.getAsLong()).as(what).isEqualTo(expected));
    }

    @Test
    void looksUpAlgorithmsBySlugWithTheirInterfaces() {
        Algorithm algorithm = client.algorithm("lung-volume-estimator");
        assertThat(algorithm.effectiveInterfaces()).hasSize(2);
        assertThat(algorithm.allInputSockets()).containsOnlyKeys("patient-height", "clinical-information");
        assertThat(algorithm.inputSocket("clinical-information").orElseThrow().getSuperKind()).isEqualTo("File");
        assertThatThrownBy(() -> client.algorithm("no-such-algorithm"))
                .isInstanceOf(GrandChallengeNotFoundException.class)
                .hasMessageContaining("'no-such-algorithm'");
    }

    @Test
    void uploadsAFileOfSeveralPartsInParallelAndTheBytesArriveIntact() throws Exception {
        Path large = TestImages.writeMha(dir.resolve("large.mha"), 17 * MIB);
        UserUpload upload = client.upload(large, "large.mha");

        assertThat(upload.status()).isEqualTo("Completed");
        Upload stored = GC.state().upload(upload.pk()).orElseThrow();
        assertThat(stored.size()).isEqualTo(Files.size(large));
        assertThat(Files.mismatch(stored.blob(), large)).isEqualTo(-1L);
        awaitCount("ceil(17 MiB / 5 MiB) parts",
                () -> GC.requestLog().count(e -> e.method().equals("PUT") && e.path().startsWith("/storage/uploads/")), 4);
        awaitCount("presign batches", () -> GC.requestLog().count(e -> e.path().endsWith("/generate-presigned-urls/")),
                1);
    }

    @Test
    void aFailingPartIsRetriedAndAPermanentFailureAbortsTheUpload() throws Exception {
        Path file = TestImages.writeMha(dir.resolve("small.mha"), MIB);
        GC.faults().add(FaultRule.matching("PUT", "/storage/uploads/*").times(2).status(503).build());
        assertThat(client.upload(file, "small.mha").status()).isEqualTo("Completed");

        GC.faults().add(FaultRule.matching("PUT", "/storage/uploads/*").times(100).status(500).build());
        assertThatThrownBy(() -> client.upload(file, "doomed.mha"))
                .isInstanceOf(GrandChallengeUploadException.class)
                .hasMessageContaining("'doomed.mha'")
                .hasMessageContaining("was aborted");
        assertThat(GC.state().uploads(u -> u.filename().equals("doomed.mha")))
                .singleElement().extracting(Upload::status).isEqualTo(Upload.ABORTED);
    }

    @Test
    void retriesThrottlingHonouringRetryAfterButNotServerErrors() {
        GC.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").times(2).status(429).retryAfter("0").build());
        assertThat(client.algorithm("pulmonary-lobe-segmentation").slug()).isEqualTo("pulmonary-lobe-segmentation");
        awaitCount("two throttled attempts and one answered", () -> GC.requestLog().count("GET", "/api/v1/algorithms/"),
                3);
        assertThat(retries.text()).contains("GET " + GC.baseUrl() + "algorithms/ answered HTTP 429; attempt 1 of 5")
                .contains("attempt 2 of 5").doesNotContain("slug=");

        GC.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").times(1).status(500).build());
        assertThatThrownBy(() -> client.algorithm("pulmonary-lobe-segmentation"))
                .isInstanceOf(GrandChallengeApiException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void retriesADroppedConnectionForReadsOnly() {
        GC.faults().add(FaultRule.matching("GET", "/api/v1/algorithms/").times(1).dropConnection().build());
        assertThat(client.algorithm("pulmonary-lobe-segmentation").slug()).isEqualTo("pulmonary-lobe-segmentation");
        assertThat(retries.text()).as("the JSON body broke off mid-read and HttpClient repeated the request")
                .contains("failed with ConnectionClosedException: Premature end of Content-Length");

        GC.faults().add(FaultRule.matching("POST", "/api/v1/uploads/").times(1).status(502).build());
        assertThatThrownBy(() -> client.upload(dir.resolve("x"), "x"))
                .isInstanceOf(GrandChallengeException.class);
        assertThat(GC.requestLog().count("POST", "/api/v1/uploads/")).as("a POST is not blindly repeated")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aPostTheServerRefusedBeforeActingIsRepeated() throws Exception {
        Path file = TestImages.writeMha(dir.resolve("refused.mha"), MIB);
        GC.faults().add(FaultRule.matching("POST", "/api/v1/uploads/").times(1).status(503).retryAfter("0").build());
        assertThat(client.upload(file, "refused.mha").status()).isEqualTo("Completed");
        awaitCount("the refused POST and its repetition", () -> GC.requestLog().count("POST", "/api/v1/uploads/"), 2);
        assertThat(retries.text()).contains("POST " + GC.baseUrl() + "uploads/ answered HTTP 503; attempt 1 of 5");
    }

    @Test
    void aRejectedTokenIsA401WithoutTheToken() throws Exception {
        String wrong = "ab".repeat(32);
        try (GrandChallengeClient stranger = new GrandChallengeClient(settings(wrong, 1))) {
            assertThatThrownBy(() -> stranger.currentUser())
                    .isInstanceOf(GrandChallengeApiException.class)
                    .hasMessageContaining("401")
                    .hasMessageNotContaining(wrong);
        }
    }

    @Test
    void neverSendsTheTokenToAnotherOrigin() {
        String elsewhere = GC.baseUrl().replace("localhost", "127.0.0.1") + "cases/images/x/";
        assertThatThrownBy(() -> client.image(elsewhere))
                .isInstanceOf(GrandChallengeException.class)
                .hasMessageContaining("Refusing to send the API token");
        assertThat(GC.requestLog().entries()).isEmpty();
    }
}
