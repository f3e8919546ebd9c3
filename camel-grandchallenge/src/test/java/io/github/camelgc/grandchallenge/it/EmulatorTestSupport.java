package io.github.camelgc.grandchallenge.it;

import java.time.Duration;
import java.util.List;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.model.Image;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/**
 * Runs a Camel context whose {@code grandchallenge} component talks to a fresh emulator over HTTPS, trusting the
 * emulator's self-signed certificate explicitly (through Camel's SSLContextParameters, as a user would).
 */
abstract class EmulatorTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().build();

    final TestPlatform platform = new TestPlatform(GC);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("grandchallenge", componentFor(GC));
        return camel;
    }

    /** A component for the demo user of an emulator, trusting its certificate explicitly, with short retry delays. */
    static GrandChallengeComponent componentFor(GrandChallengeEmulatorExtension emulator) {
        GrandChallengeComponent component = new GrandChallengeComponent();
        GrandChallengeConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(emulator.baseUrl());
        configuration.setToken(emulator.token("demo"));
        configuration.setSslContextParameters(trust(emulator));
        // submission marks and consumer positions of tests go to the build folder, never into the source tree
        configuration.setStateDirectory(testStateDirectory());
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(2000);
        return component;
    }

    /**
     * An image of the fixture archive; when the archive is empty, one case is added (uploaded and imported) first.
     */
    @SuppressWarnings("unchecked")
    Image anArchiveImage() {
        String list = "grandchallenge:archive?operation=listImages&archive=" + platform.archive();
        if (template.requestBody(list, null, List.class).isEmpty()) {
            template.requestBody("grandchallenge:archive?operation=addCase&input=" + platform.archiveSocket()
                                 + "&archive=" + platform.archive(),
                    SubmitAndOutputsIT.testImage("image10x10x10.mha"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !template.requestBody(list, null, List.class).isEmpty());
        return (Image) template.requestBody(list, null, List.class).get(0);
    }

    /** A fresh state folder under {@code target/} for one component. */
    static String testStateDirectory() {
        return java.nio.file.Path.of("target", "it-state", java.util.UUID.randomUUID().toString()).toString();
    }

    /** Trusts exactly the emulator's self-signed certificate, as a user would configure a private CA. */
    static SSLContextParameters trust(GrandChallengeEmulatorExtension emulator) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setKeyStore(emulator.trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }
}
