package io.github.camelgc.app.platform;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The Grand Challenge emulator as the platform: on localhost, a free port, its demo user's token, and TLS that
 * trusts exactly the certificate the emulator generated at start (not the JVM's trust store).
 */
public final class EmbeddedPlatform implements Platform {

    /** Per-state job delay when running the demo: fast, yet the status changes stay visible. */
    public static final Duration DEMO_STEP_DELAY = Duration.ofMillis(200);
    /** Per-state job delay when running as a service against the emulator. */
    public static final Duration SERVICE_STEP_DELAY = Duration.ofMillis(500);
    /** The emulator's default fixture user who may run every algorithm. */
    public static final String USER = "demo";

    private final GrandChallengeEmulator emulator;
    private final boolean owned;
    private final SSLContextParameters trust;

    private EmbeddedPlatform(GrandChallengeEmulator emulator, boolean owned) {
        this.emulator = emulator;
        this.owned = owned;
        this.trust = trustOnly(emulator);
    }

    /** Starts an emulator on a free localhost port; {@link #close()} stops it. */
    public static EmbeddedPlatform start(Duration jobStepDelay) throws IOException {
        return new EmbeddedPlatform(GrandChallengeEmulator.start(EmulatorConfig.defaults().jobStepDelay(jobStepDelay)),
                true);
    }

    /** Uses an emulator started elsewhere (e.g. by a JUnit extension); {@link #close()} leaves it running. */
    public static EmbeddedPlatform of(GrandChallengeEmulator emulator) {
        return new EmbeddedPlatform(emulator, false);
    }

    private static SSLContextParameters trustOnly(GrandChallengeEmulator emulator) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(emulator.trustStore());
            TrustManager[] managers = factory.getTrustManagers();
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setTrustManager(managers[0]);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trustManagers);
            return parameters;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the emulator's certificate: " + e.getMessage(), e);
        }
    }

    public GrandChallengeEmulator emulator() {
        return emulator;
    }

    @Override
    public String baseUrl() {
        return emulator.baseUrl();
    }

    @Override
    public String token() {
        return emulator.token(USER);
    }

    @Override
    public Optional<SSLContextParameters> trust() {
        return Optional.of(trust);
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public void close() {
        if (owned) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPlatform[" + baseUrl() + "]";
    }
}
