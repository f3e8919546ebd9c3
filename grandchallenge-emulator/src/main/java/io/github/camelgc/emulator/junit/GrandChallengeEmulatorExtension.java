package io.github.camelgc.emulator.junit;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
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
 * <p>
 * For a Camel test, {@link #configure} points the {@code grandchallenge} component at the emulator (base URL, the demo
 * user's token, trust in exactly the emulator's certificate, a state folder of its own):
 * <pre>{@code
 * @Override
 * protected CamelContext createCamelContext() throws Exception {
 *     return gc.configure(super.createCamelContext());
 * }
 * }</pre>
 * {@link #componentProperties()} gives the same settings as {@code camel.component.grandchallenge.*} properties (for
 * Camel Main or Spring Boot).
 */
public final class GrandChallengeEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The scheme of the Camel component {@link #configure} sets up. */
    public static final String COMPONENT = "grandchallenge";
    /** The fixture user whose token {@link #componentProperties()} hands out: it may run every algorithm. */
    public static final String USER = "demo";

    private final EmulatorConfig config;
    private GrandChallengeEmulator emulator;
    private Path files;
    private boolean perTest;

    private GrandChallengeEmulatorExtension(EmulatorConfig config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        deleteFiles();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (emulator == null) {
            perTest = true;
            start();
        }
    }

    private void start() throws IOException {
        emulator = GrandChallengeEmulator.start(config);
        files = Files.createTempDirectory("grandchallenge-emulator-");
        emulator.writeCertificatePem(files.resolve("emulator.pem"));
        Files.createDirectories(files.resolve("state"));
    }

    private void deleteFiles() {
        if (files == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + files, e);
        }
        files = null;
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

    /** The emulator's certificate as a PEM file (in a temporary folder deleted when the emulator stops). */
    public Path certificateFile() {
        emulator();
        return files.resolve("emulator.pem");
    }

    /**
     * The {@code camel.component.grandchallenge.*} properties that point the component at this emulator: {@code
     * baseUrl}, {@code token} (of the {@value #USER} user), {@code trustCertificates} (exactly the emulator's
     * certificate, as a {@code file:} URI) and {@code stateDirectory} (a fresh folder, deleted when the emulator
     * stops), in that order. Hand them to Camel Main or Spring Boot as they are.
     */
    public Map<String, Object> componentProperties() {
        emulator();
        Map<String, Object> properties = new LinkedHashMap<>();
        String prefix = "camel.component." + COMPONENT + ".";
        properties.put(prefix + "baseUrl", baseUrl());
        properties.put(prefix + "token", token(USER));
        properties.put(prefix + "trustCertificates", "file:" + certificateFile().toAbsolutePath());
        properties.put(prefix + "stateDirectory", files.resolve("state").toAbsolutePath().toString());
        return properties;
    }

    /**
     * Points the Camel context's {@code grandchallenge} component at this emulator: {@link #componentProperties()}
     * bound by name with Camel's property binding (so the emulator needs no compile-time link to the component).
     * Call it before the context starts, e.g. in {@code createCamelContext()} of a {@code CamelTestSupport}.
     *
     * @return the same context, configured
     * @throws IllegalStateException when the component is not on the classpath or lacks one of the options
     */
    public org.apache.camel.CamelContext configure(org.apache.camel.CamelContext camelContext) {
        org.apache.camel.Component component = camelContext.getComponent(COMPONENT, true);
        if (component == null) {
            throw new IllegalStateException("No '" + COMPONENT + "' component: add camel-grandchallenge to the "
                    + "test classpath");
        }
        String prefix = "camel.component." + COMPONENT + ".";
        Map<String, Object> options = new LinkedHashMap<>();
        componentProperties().forEach((name, value) -> options.put(name.substring(prefix.length()), value));
        // the component's generated configurer knows its options (they live on its nested configuration)
        org.apache.camel.support.service.ServiceHelper.initService(component);
        org.apache.camel.support.PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer()).withIgnoreCase(true)
                .withProperties(options).withMandatory(true).withRemoveParameters(false).bind();
        return camelContext;
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
