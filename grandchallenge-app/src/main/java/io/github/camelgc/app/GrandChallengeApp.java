package io.github.camelgc.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.github.camelgc.app.demo.Demo;
import io.github.camelgc.app.platform.ConfiguredPlatform;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.app.platform.Platform;
import io.github.camelgc.metaimage.cli.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
@Command(name = "grandchallenge-app", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        sortOptions = false,
        description = {"Runs Grand Challenge algorithms on the files dropped into the work folder's inboxes and "
            + "writes their results into its outboxes, until stopped (Ctrl+C).",
            "With GRAND_CHALLENGE_AUTHORIZATION set it talks to grand-challenge.org (or GRAND_CHALLENGE_BASE_URL), "
            + "otherwise to an embedded emulator on localhost."},
        footer = {"", "Exit codes: 0 done (the demo: every workflow completed), 1 failed, 2 wrong usage."})
public final class GrandChallengeApp implements Callable<Integer> {

    @Option(names = "--demo", description = "run the four workflows once on synthetic scans, then exit")
    private boolean demo;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "the work folder with inbox/, outbox/ and state/ (default: grandchallenge-work, "
                + "or GRAND_CHALLENGE_WORK_DIR)")
    private Path workDir;

    @Option(names = "--routes", paramLabel = "DIR",
            description = "load the YAML routes from this folder instead of the ones in the jar "
                + "(or GRAND_CHALLENGE_ROUTES_DIR)")
    private Path routesDir;

    private final PrintStream out;

    private GrandChallengeApp(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command line and returns the exit code; errors go to standard error. */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.err);
    }

    /** Runs the command line with its output in {@code out} and its errors in {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new GrandChallengeApp(out), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        AppSettings settings = AppSettings.resolve(System.getenv());
        if (workDir != null) {
            settings = settings.withWorkDir(workDir);
        }
        if (routesDir != null) {
            settings = settings.withRoutesDir(routesDir);
        }
        try (Platform platform = platform(settings, demo)) {
            Tuning defaults = platform.embedded() ? Tuning.forEmulator() : Tuning.forPlatform();
            Tuning tuning = settings.jobTimeout().map(defaults::withJobTimeout).orElse(defaults);
            Banner.print(out, platform, new WorkFolders(settings.workDir()));
            if (demo) {
                return new Demo(settings, platform, tuning, out).run();
            }
            runUntilStopped(settings, platform, tuning, out);
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
    private static void runUntilStopped(AppSettings settings, Platform platform, Tuning tuning, PrintStream out)
            throws Exception {
        GrandChallengeService service = GrandChallengeService.start(settings, platform, tuning);
        service.opsUrl().ifPresent(url -> out.println(" Metrics: " + url + "metrics   health: " + url + "health/live, "
                + url + "health/ready"));
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
}
