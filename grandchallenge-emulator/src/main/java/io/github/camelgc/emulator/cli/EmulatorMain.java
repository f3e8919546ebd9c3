package io.github.camelgc.emulator.cli;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.model.User;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar grandchallenge-emulator-standalone.jar --port 8443 [--http-port 8080] [--fixture f.json]
 * [--admin] [--host 127.0.0.1] [--step-delay-ms 1000] [--cert-out emulator.pem] [--storage dir]}.
 * Prints the base URL, where the certificate is, and the users' tokens; runs until interrupted.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorConfig config;
        Path certOut;
        try {
            Options options = Options.parse(args);
            config = options.config();
            certOut = options.certOut();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        GrandChallengeEmulator emulator = GrandChallengeEmulator.start(config);
        Path pem = emulator.writeCertificatePem(certOut != null ? certOut
                : Files.createTempFile("grand-challenge-emulator-", ".pem"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "gc-emulator-shutdown"));
        PrintStream out = System.out;
        out.println("Grand Challenge emulator running");
        out.println("  API base URL : " + emulator.baseUrl());
        if (emulator.httpBaseUrl() != null) {
            out.println("  plain HTTP   : " + emulator.httpBaseUrl());
        }
        out.println("  certificate  : " + pem.toAbsolutePath() + "  (curl --cacert <it>, Python verify=<it>)");
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
    }

    /** The parsed command line. */
    record Options(EmulatorConfig config, Path certOut) {

        static final String USAGE = "usage: java -jar grandchallenge-emulator-standalone.jar [--port 8443] "
                + "[--http-port PORT] [--fixture FILE.json] [--admin] [--host 127.0.0.1] [--step-delay-ms 1000] "
                + "[--cert-out FILE.pem] [--storage DIR] [--phantom-cases 3]";

        static Options parse(String[] args) {
            EmulatorConfig config = EmulatorConfig.defaults().httpsPort(8443).jobStepDelay(Duration.ofSeconds(1));
            Path certOut = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--admin" -> config.admin(true);
                    case "--port" -> config.httpsPort(port(arg, value(args, ++i, arg)));
                    case "--http-port" -> config.httpPort(port(arg, value(args, ++i, arg)));
                    case "--fixture" -> config.fixture(existing(value(args, ++i, arg)));
                    case "--host" -> config.host(value(args, ++i, arg));
                    case "--step-delay-ms" -> config.jobStepDelay(Duration.ofMillis(number(arg, value(args, ++i, arg))));
                    case "--cert-out" -> certOut = Path.of(value(args, ++i, arg));
                    case "--storage" -> config.storageDir(Path.of(value(args, ++i, arg)));
                    case "--phantom-cases" -> config.phantomCases((int) number(arg, value(args, ++i, arg)));
                    default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
                }
            }
            return new Options(config, certOut);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            return args[i];
        }

        private static int port(String option, String value) {
            long port = number(option, value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Option " + option + " needs a port 0-65535, got '" + value + "'");
            }
            return (int) port;
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option " + option + " needs a number, got '" + value + "'");
            }
        }

        private static Path existing(String value) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("Fixture file '" + value + "' does not exist");
            }
            return path;
        }
    }
}
