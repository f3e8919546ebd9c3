package io.github.camelgc.emulator.cli;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.TlsMaterial;
import io.github.camelgc.metaimage.cli.CommandLines;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code java -jar grandchallenge-emulator-standalone.jar [options]}: starts the emulator, prints the base URL,
 * where the certificate is, and the users' tokens; runs until interrupted.
 */
@Command(name = "grandchallenge-emulator", mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class, sortOptions = false,
        description = "Serves the Grand Challenge REST API on this machine (HTTPS) until interrupted.",
        footer = {"", "Exit codes: 0 stopped, 1 failed to start, 2 wrong usage."})
public final class EmulatorMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", converter = Port.class, defaultValue = "8443",
            description = "HTTPS port, 0 for a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--http-port", paramLabel = "PORT", converter = Port.class,
            description = "also serve plain HTTP on this port (default: none)")
    private Integer httpPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "interface to bind, 0.0.0.0 for all (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--fixture", paramLabel = "FILE.json", converter = ExistingFile.class,
            description = "users, algorithms and archives to serve (default: the built-in demo fixture)")
    private Path fixture;

    @Option(names = "--step-delay-ms", paramLabel = "MS", defaultValue = "1000",
            description = "how long a job stays in each state (default: ${DEFAULT-VALUE})")
    private long stepDelayMs;

    @Option(names = "--cert-out", paramLabel = "FILE.pem",
            description = "where to write the certificate to trust (default: a new temporary file)")
    private Path certOut;

    @Option(names = "--keystore", paramLabel = "FILE.p12",
            description = {"keep the TLS key and certificate in this PKCS12 file: created at the first start, "
                + "reused after, so clients set up their trust once (password '" + TlsMaterial.KEYSTORE_PASSWORD
                + "'; default: a new certificate at every start)"})
    private Path keystore;

    @Option(names = "--storage", paramLabel = "DIR",
            description = "where uploads and images are kept (default: a temporary folder)")
    private Path storage;

    @Option(names = "--phantom-cases", paramLabel = "N", defaultValue = "3",
            description = "synthetic CT cases in the default fixture's archive (default: ${DEFAULT-VALUE})")
    private int phantomCases;

    @Option(names = "--admin", description = "serve the /admin/ endpoints (request log, faults, job controls)")
    private boolean admin;

    private EmulatorMain() {
    }

    /**
     * Runs the emulator until the JVM is interrupted, or prints help, version or a usage error.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(CommandLines.execute(new EmulatorMain(), args, System.out, System.err));
    }

    /** The options of {@code args}, without running anything; picocli's exceptions explain wrong usage. */
    static EmulatorMain parse(String... args) {
        EmulatorMain options = new EmulatorMain();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /** The emulator's settings these options ask for. */
    EmulatorConfig config() {
        EmulatorConfig config = EmulatorConfig.defaults().httpsPort(port).host(host).fixture(fixture)
                .jobStepDelay(Duration.ofMillis(stepDelayMs)).storageDir(storage).phantomCases(phantomCases)
                .admin(admin).keystore(keystore);
        if (httpPort != null) {
            config.httpPort(httpPort);
        }
        return config;
    }

    /** Where to write the certificate PEM, or {@code null} for a temporary file. */
    Path certOut() {
        return certOut;
    }

    @Override
    public Integer call() throws Exception {
        EmulatorConfig config = config();
        GrandChallengeEmulator emulator = GrandChallengeEmulator.start(config);
        Path pem = emulator.writeCertificatePem(certOut != null ? certOut
                : Files.createTempFile("grand-challenge-emulator-", ".pem"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "gc-emulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Grand Challenge emulator running");
        out.println("  API base URL : " + emulator.baseUrl());
        if (emulator.httpBaseUrl() != null) {
            out.println("  plain HTTP   : " + emulator.httpBaseUrl());
        }
        out.println("  certificate  : " + pem.toAbsolutePath() + "  (curl --cacert <it>, Python verify=<it>)");
        if (keystore != null) {
            out.println("  key store    : " + keystore.toAbsolutePath() + "  (PKCS12, password "
                    + TlsMaterial.KEYSTORE_PASSWORD + "; also a Java trust store)");
        }
        if (config.admin()) {
            out.println("  admin        : " + emulator.baseUrl().replace("/api/v1/", "/admin/") + "requests/");
        }
        for (User user : emulator.state().users()) {
            out.println("  user " + user.username() + " token: " + user.token());
        }
        out.println("Example: curl --cacert " + pem.toAbsolutePath() + " -H \"Authorization: Bearer <token>\" "
                + emulator.baseUrl() + "algorithms/");
        out.flush();
        stopped.await();
        return 0;
    }

    /** A TCP port, 0 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long port;
            try {
                port = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("needs a number, got '" + value + "'");
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("needs a port 0-65535, got '" + value + "'");
            }
            return (int) port;
        }
    }

    /** A file that exists. */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException("file '" + value + "' does not exist");
            }
            return path;
        }
    }

    /** For tests: runs the command line with other streams. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new EmulatorMain(), args, out, err);
    }
}
