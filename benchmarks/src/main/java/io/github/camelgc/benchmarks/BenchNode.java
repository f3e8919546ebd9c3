package io.github.camelgc.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.platform.ConfiguredPlatform;

/**
 * One service node of {@link NodesBench} in a JVM of its own: the service as the command line starts it for a
 * configured platform (token and base URL, database from the environment, trust from
 * {@code -Djavax.net.ssl.trustStore}), but polling as often as for the emulator (the command line polls a configured
 * platform every 30 s). Argument: the work folder. Runs until killed.
 */
public final class BenchNode {

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        ConfiguredPlatform platform = new ConfiguredPlatform(env.get(AppSettings.BASE_URL_ENV),
                env.get(AppSettings.TOKEN_ENV));
        GrandChallengeService service = GrandChallengeService.start(
                AppSettings.resolve(env).withWorkDir(Path.of(args[0])), platform, Tuning.forEmulator());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e.getMessage());
            }
        }));
        new CountDownLatch(1).await();
    }
}
