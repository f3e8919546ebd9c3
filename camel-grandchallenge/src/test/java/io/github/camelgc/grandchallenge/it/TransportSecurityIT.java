package io.github.camelgc.grandchallenge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLException;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.RetryLimits;
import io.github.camelgc.grandchallenge.model.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS is verified unless the emulator's certificate is trusted explicitly, and downloads are bounded: a
 * Content-Length above {@code maxDownloadSize} is refused before reading, and a body cut short of its Content-Length
 * is an error, never a short file.
 */
class TransportSecurityIT {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().phantomCases(1).build();

    @AfterEach
    void clearFaults() {
        GC.faults().clear();
    }

    private static GrandChallengeClient client(boolean trusting, long maxDownloadSize) {
        ClientSettings.Builder settings = ClientSettings.builder(URI.create(GC.baseUrl()))
                .token(ApiToken.of(GC.token("demo"))).connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20))
                .retry(new RetryLimits(1, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)))
                .uploadPartSize(ClientSettings.MIN_PART_SIZE).uploadConcurrency(2).maxDownloadSize(maxDownloadSize);
        return new GrandChallengeClient((trusting ? settings.trustStore(GC.trustStore()) : settings).build());
    }

    private static String firstImageFile(GrandChallengeClient client) {
        Image image = client.images(Map.of()).next();
        return image.files().get(0).file();
    }

    @Test
    void anUntrustedCertificateIsRefusedWithoutExplicitTrust() throws Exception {
        try (GrandChallengeClient client = client(false, ClientSettings.DEFAULT_MAX_DOWNLOAD_SIZE)) {
            assertThatThrownBy(() -> client.algorithm("pulmonary-lobe-segmentation"))
                    .hasCauseInstanceOf(SSLException.class)
                    .hasRootCauseMessage("unable to find valid certification path to requested target")
                    .hasMessageNotContaining(GC.token("demo"));
        }
        try (GrandChallengeClient trusting = client(true, ClientSettings.DEFAULT_MAX_DOWNLOAD_SIZE)) {
            assertThat(trusting.algorithm("pulmonary-lobe-segmentation").slug())
                    .isEqualTo("pulmonary-lobe-segmentation");
        }
    }

    @Test
    void aDownloadAnnouncingMoreThanTheLimitIsRefusedBeforeReading() throws Exception {
        try (GrandChallengeClient client = client(true, 1000)) {
            String file = firstImageFile(client);
            assertThatThrownBy(() -> client.openMedia(file)).isInstanceOf(GrandChallengeException.class)
                    .hasMessageContaining("more than maxDownloadSize (1000 bytes)");
        }
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsAnErrorNotAShortFile() throws Exception {
        try (GrandChallengeClient client = client(true, ClientSettings.DEFAULT_MAX_DOWNLOAD_SIZE)) {
            String file = firstImageFile(client);
            long whole;
            try (InputStream in = client.openMedia(file)) {
                whole = in.readAllBytes().length;
            }
            GC.faults().add(FaultRule.matching("GET", "/storage/objects/*").dropConnection().build());
            assertThatThrownBy(() -> {
                try (InputStream in = client.openMedia(file)) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("Premature end of Content-Length");
            assertThat(whole).isPositive();
        }
    }
}
