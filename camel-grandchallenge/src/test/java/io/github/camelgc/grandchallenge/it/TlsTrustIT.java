package io.github.camelgc.grandchallenge.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.function.Consumer;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.model.Algorithm;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS trust without a key store file: {@code trustCertificates} takes PEM files (several certificates each), the
 * precedence is sslContextParameters, then trustCertificates, then the global SSL context parameters
 * ({@code useGlobalSslContextParameters}), then the JVM default, and host names are verified even against a trusted
 * certificate.
 */
class TlsTrustIT {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    private static final String SLUG = "pulmonary-lobe-segmentation";
    private static final String LOOKUP = "grandchallenge:algorithm?algorithm=" + SLUG;
    private static final String UNTRUSTED = "unable to find valid certification path to requested target";

    @TempDir
    Path temp;

    @Test
    void aPemFileOfTheEmulatorsCertificateIsAllTheTrustNeeded() throws Exception {
        assertThat(lookUp(c -> c.setTrustCertificates("file:" + GC.certificateFile()), LOOKUP).slug()).isEqualTo(SLUG);
    }

    @Test
    void aPemBundleIsTrustedWhole() throws Exception {
        Path bundle = Files.writeString(temp.resolve("bundle.pem"), pem(unrelatedCertificate()) + GC.certificatePem(),
                StandardCharsets.US_ASCII);
        assertThat(lookUp(c -> c.setTrustCertificates("file:" + bundle), LOOKUP).slug()).isEqualTo(SLUG);
    }

    @Test
    void onlyTheGivenCertificatesAreTrusted() throws Exception {
        Path other = Files.writeString(temp.resolve("other.pem"), pem(unrelatedCertificate()));
        assertThatThrownBy(() -> lookUp(c -> c.setTrustCertificates("file:" + other), LOOKUP))
                .hasRootCauseMessage(UNTRUSTED);
    }

    @Test
    void explicitSslContextParametersWinOverTrustCertificates() throws Exception {
        SSLContextParameters unrelated = trustOnly(unrelatedCertificate());
        assertThatThrownBy(() -> lookUp(c -> {
            c.setSslContextParameters(unrelated);
            c.setTrustCertificates("file:" + GC.certificateFile());
        }, LOOKUP)).hasRootCauseMessage(UNTRUSTED);
    }

    @Test
    void trustCertificatesWinOverTheGlobalParameters() throws Exception {
        Algorithm algorithm = lookUp(c -> {
            c.setUseGlobalSslContextParameters(true);
            c.setTrustCertificates("file:" + GC.certificateFile());
        }, LOOKUP, trustOnly(unrelatedCertificate()));
        assertThat(algorithm.slug()).isEqualTo(SLUG);
    }

    @Test
    void theGlobalParametersApplyOnlyWhenAskedFor() throws Exception {
        SSLContextParameters global = trustOnly(GC.trustStore());
        assertThat(lookUp(c -> c.setUseGlobalSslContextParameters(true), LOOKUP, global).slug()).isEqualTo(SLUG);
        assertThatThrownBy(() -> lookUp(c -> {
        }, LOOKUP, global)).as("JVM default").hasRootCauseMessage(UNTRUSTED);
        assertThatThrownBy(() -> lookUp(c -> c.setUseGlobalSslContextParameters(true),
                LOOKUP + "&useGlobalSslContextParameters=false", global)).as("endpoint override")
                .hasRootCauseMessage(UNTRUSTED);
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        // the certificate names localhost and 127.0.0.1; the same server reached as 127.0.0.2 must not pass
        try (GrandChallengeEmulator elsewhere = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                .host("127.0.0.2").phantomCases(0))) {
            Path pem = elsewhere.writeCertificatePem(temp.resolve("elsewhere.pem"));
            String base = "https://127.0.0.2:" + elsewhere.httpsPort() + "/api/v1/";
            assertThatThrownBy(() -> lookUp(c -> c.setTrustCertificates("file:" + pem),
                    LOOKUP + "&baseUrl=" + base)).rootCause().isInstanceOf(java.security.cert.CertificateException.class)
                    .hasMessageContaining("127.0.0.2");
        }
    }

    @Test
    void aMissingPemFileIsNamedInTheError() {
        Path missing = temp.resolve("missing.pem");
        assertThatThrownBy(() -> lookUp(c -> c.setTrustCertificates("file:" + missing), LOOKUP))
                .hasMessageContaining("trustCertificates").hasMessageContaining("missing.pem");
    }

    private static Algorithm lookUp(Consumer<GrandChallengeConfiguration> tls, String uri) throws Exception {
        return lookUp(tls, uri, null);
    }

    /** Looks the algorithm up through a fresh context whose component has the demo token and the given TLS setup. */
    private static Algorithm lookUp(Consumer<GrandChallengeConfiguration> tls, String uri, SSLContextParameters global)
            throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            GrandChallengeComponent component = new GrandChallengeComponent();
            component.getConfiguration().setBaseUrl(GC.baseUrl());
            component.getConfiguration().setToken(GC.token("demo"));
            component.getConfiguration().setMaxRetries(0);
            tls.accept(component.getConfiguration());
            camel.addComponent("grandchallenge", component);
            camel.setSSLContextParameters(global);
            camel.start();
            return camel.createProducerTemplate().requestBody(uri, null, Algorithm.class);
        }
    }

    private static SSLContextParameters trustOnly(Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("only", certificate);
        return trustOnly(store);
    }

    private static SSLContextParameters trustOnly(KeyStore store) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(store);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** Some public CA certificate of the JVM: valid, but not what signed the emulator's certificate. */
    private static Certificate unrelatedCertificate() throws Exception {
        KeyStore jvm = KeyStore.getInstance(KeyStore.getDefaultType());
        try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            jvm.load(in, null);
        }
        return jvm.getCertificate(jvm.aliases().nextElement());
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
               + "\n-----END CERTIFICATE-----\n";
    }
}
