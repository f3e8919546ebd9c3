package io.github.camelgc.emulator.junit;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.emulator.state.EmulatorState;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link GrandChallengeEmulator} on free ports before the test class and stops it afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();
 *
 * @Test void algorithms() { ... gc.baseUrl() ... gc.token("demo") ... gc.sslContext() ... }
 * }</pre>
 * On a {@code static} field one emulator serves the whole class; on an instance field each test gets a
 * fresh one (slower, but isolated).
 */
public final class GrandChallengeEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final EmulatorConfig config;
    private GrandChallengeEmulator emulator;
    private boolean perTest;

    private GrandChallengeEmulatorExtension(EmulatorConfig config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        emulator = GrandChallengeEmulator.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (emulator == null) {
            perTest = true;
            emulator = GrandChallengeEmulator.start(config);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            afterAll(context);
        }
    }

    /** The running emulator. */
    public GrandChallengeEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator is not running: use it inside tests (or @BeforeAll "
                    + "methods when the extension is registered on a static field)");
        }
        return emulator;
    }

    /** {@code https://localhost:<port>/api/v1/}. */
    public String baseUrl() {
        return emulator().baseUrl();
    }

    public String httpBaseUrl() {
        return emulator().httpBaseUrl();
    }

    public String token(String username) {
        return emulator().token(username);
    }

    public SSLContext sslContext() {
        return emulator().sslContext();
    }

    public KeyStore trustStore() {
        return emulator().trustStore();
    }

    public String certificatePem() {
        return emulator().certificatePem();
    }

    public EmulatorState state() {
        return emulator().state();
    }

    public RequestLog requestLog() {
        return emulator().requestLog();
    }

    public FaultInjector faults() {
        return emulator().faults();
    }

    /**
     * Gives a user a monthly credit pool of their own for the rest of the test (class, on a static field): {@code 0}
     * runs them out of credits, a larger number gives credits back.
     */
    public void setCredits(String username, int creditsPerMonth) {
        emulator().setCredits(username, creditsPerMonth);
    }

    /** Jobs the user may still start with the algorithm. */
    public long remainingJobs(String username, String algorithmSlug) {
        return emulator().remainingJobs(username, algorithmSlug);
    }

    /** Moves the platform's clock forward (e.g. a month, to renew credits). */
    public void advanceClock(Duration duration) {
        emulator().advanceClock(duration);
    }

    /** Builds the extension; the defaults are those of {@link EmulatorConfig#defaults()}. */
    public static final class Builder {
        private final EmulatorConfig config = EmulatorConfig.defaults();

        public Builder fixture(Path fixture) {
            config.fixture(fixture);
            return this;
        }

        public Builder jobStepDelay(Duration delay) {
            config.jobStepDelay(delay);
            return this;
        }

        public Builder httpPort(int port) {
            config.httpPort(port);
            return this;
        }

        public Builder maxActiveJobsPerUser(int max) {
            config.maxActiveJobsPerUser(max);
            return this;
        }

        public Builder uploadQuotaBytes(long bytes) {
            config.uploadQuotaBytes(bytes);
            return this;
        }

        public Builder phantomCases(int cases) {
            config.phantomCases(cases);
            return this;
        }

        /**
         * The platform's {@code ALGORITHMS_GENERAL_CREDITS_PER_MONTH_PER_USER} (default 1000). Prices scale with it
         * (a job costs at least a fiftieth of it), so it never buys more than 50 default jobs a month: for tests that
         * run more, give the user credits of their own with {@link #credits}.
         */
        public Builder creditsPerMonth(int credits) {
            config.creditsPerMonth(credits);
            return this;
        }

        /**
         * One user's own monthly credits, priced at the general setting (emulator-only; 0 runs them out of credits
         * from the start, 1_000_000 lets them run 50,000 default jobs a month).
         */
        public Builder credits(String username, int creditsPerMonth) {
            config.userCredits(username, creditsPerMonth);
            return this;
        }

        public Builder admin(boolean enabled) {
            config.admin(enabled);
            return this;
        }

        /** Keeps the TLS certificate in this PKCS12 file between runs; see {@link EmulatorConfig#keystore(Path)}. */
        public Builder keystore(Path file) {
            config.keystore(file);
            return this;
        }

        /** Full control over the configuration. */
        public Builder configure(java.util.function.Consumer<EmulatorConfig> customizer) {
            customizer.accept(config);
            return this;
        }

        public GrandChallengeEmulatorExtension build() {
            return new GrandChallengeEmulatorExtension(config);
        }
    }
}
