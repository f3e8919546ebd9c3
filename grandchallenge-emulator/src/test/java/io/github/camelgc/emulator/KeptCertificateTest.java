package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.emulator.server.TlsMaterial;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keystore}: one certificate across starts, so a client's trust set up once keeps working. */
class KeptCertificateTest {

    @TempDir
    Path dir;

    private static EmulatorConfig config(Path keystore) {
        return EmulatorConfig.defaults().phantomCases(0).keystore(keystore);
    }

    @Test
    void aSecondStartServesTheCertificateThatTheFirstStartsPemTrusts() throws Exception {
        Path keystore = dir.resolve("tls").resolve("emulator.p12");
        Path pem = dir.resolve("first.pem");
        String firstPem;
        try (GrandChallengeEmulator first = GrandChallengeEmulator.start(config(keystore))) {
            first.writeCertificatePem(pem);
            firstPem = first.certificatePem();
            assertThat(get(trusting(pem), first.baseUrl(), first.token("demo")).statusCode()).isEqualTo(200);
        }
        assertThat(keystore).isRegularFile();

        try (GrandChallengeEmulator second = GrandChallengeEmulator.start(config(keystore))) {
            assertThat(second.certificatePem()).isEqualTo(firstPem);
            HttpResponse<String> answer = get(trusting(pem), second.baseUrl(), second.token("demo"));
            assertThat(answer.statusCode()).isEqualTo(200);
            Certificate served = answer.sslSession().orElseThrow().getPeerCertificates()[0];
            assertThat(served).isEqualTo(pemCertificate(pem));
            // the SAN also names the loopback address, still with hostname verification
            String byAddress = second.baseUrl().replace("//localhost:", "//127.0.0.1:");
            assertThat(get(trusting(pem), byAddress, second.token("demo")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutAKeystoreEveryStartHasANewCertificateThatTheOldPemDoesNotTrust() throws Exception {
        Path pem = dir.resolve("first.pem");
        try (GrandChallengeEmulator first = GrandChallengeEmulator.start(config(null))) {
            first.writeCertificatePem(pem);
        }
        try (GrandChallengeEmulator second = GrandChallengeEmulator.start(config(null))) {
            assertThat(second.certificatePem()).isNotEqualTo(Files.readString(pem));
            assertThatThrownBy(() -> get(trusting(pem), second.baseUrl(), second.token("demo")))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theKeptFileIsAlsoAJavaTrustStoreWithTheDocumentedPassword() throws Exception {
        Path keystore = dir.resolve("emulator.p12");
        try (GrandChallengeEmulator emulator = GrandChallengeEmulator.start(config(keystore))) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, TlsMaterial.KEYSTORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            assertThat(get(ssl, emulator.baseUrl(), emulator.token("demo")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFileThatIsNoKeystoreOfTheEmulatorIsRefusedAndLeftAlone() throws Exception {
        Path keystore = dir.resolve("emulator.p12");
        Files.writeString(keystore, "not a key store");

        assertThatThrownBy(() -> GrandChallengeEmulator.start(config(keystore)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keystore.toString()).hasMessageContaining("PKCS12")
                .hasMessageContaining("delete it to get a new one");
        assertThat(Files.readString(keystore)).isEqualTo("not a key store");
    }

    private static HttpResponse<String> get(SSLContext ssl, String baseUrl, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "algorithms/"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Certificate pemCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** What a client does with the PEM: a trust store holding only that certificate. */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("emulator", pemCertificate(pem));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
