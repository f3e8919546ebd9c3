package io.github.camelgc.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.camelgc.app.demo.Demo;
import io.github.camelgc.app.platform.ConfiguredPlatform;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.app.platform.Platform;

/**
 * Command line entry point.
 *
 * <pre>
 * java -jar grandchallenge-app.jar [--demo] [--work-dir DIR] [--routes DIR]
 * </pre>
 *
 * Without a token ({@code GRAND_CHALLENGE_AUTHORIZATION}) the embedded emulator is started. With {@code --demo} the
 * four workflows run once on synthetic scans and the process exits 0 on success; otherwise the service runs until
 * stopped (Ctrl+C).
 */
public final class GrandChallengeApp {

    private GrandChallengeApp() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintStream out) throws Exception {
        AppSettings settings = AppSettings.resolve(System.getenv());
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--work-dir" -> settings = settings.withWorkDir(Path.of(value(args, ++i, "--work-dir")));
                case "--routes" -> settings = settings.withRoutesDir(Path.of(value(args, ++i, "--routes")));
                case "--help", "-h" -> {
                    out.println("Usage: java -jar grandchallenge-app.jar [--demo] [--work-dir DIR] [--routes DIR]");
                    return 0;
                }
                default -> {
                    out.println("Unknown argument '" + args[i] + "'. Try --help.");
                    return 2;
                }
            }
        }
        try (Platform platform = platform(settings, demo)) {
            Tuning defaults = platform.embedded() ? Tuning.forEmulator() : Tuning.forPlatform();
            Tuning tuning = settings.jobTimeout().map(defaults::withJobTimeout).orElse(defaults);
            Banner.print(out, platform, new WorkFolders(settings.workDir()));
            if (demo) {
                return new Demo(settings, platform, tuning, out).run();
            }
            runUntilStopped(settings, platform, tuning);
            return 0;
        }
    }

    private static Platform platform(AppSettings settings, boolean demo) throws Exception {
        if (settings.platformConfigured()) {
            return new ConfiguredPlatform(settings.baseUrl().orElse(null), settings.token().orElseThrow());
        }
        return EmbeddedPlatform.start(demo ? EmbeddedPlatform.DEMO_STEP_DELAY : EmbeddedPlatform.SERVICE_STEP_DELAY);
    }

    /** Runs until the JVM is asked to stop; the shutdown hook stops the routes gracefully, then the platform. */
    private static void runUntilStopped(AppSettings settings, Platform platform, Tuning tuning) throws Exception {
        GrandChallengeService service = GrandChallengeService.start(settings, platform, tuning);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
                platform.close();
            } catch (Exception e) {
                System.err.println("Stopping the service failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "grandchallenge-stop"));
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a folder");
        }
        return args[index];
    }
}
