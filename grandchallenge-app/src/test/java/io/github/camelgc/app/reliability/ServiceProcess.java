package io.github.camelgc.app.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.platform.ConfiguredPlatform;

/**
 * The drop-folder service in its own JVM, so a test can kill it like {@code kill -9} does. The platform comes as a
 * configured one (base URL from {@code GRAND_CHALLENGE_BASE_URL}, token from {@code GRAND_CHALLENGE_AUTHORIZATION},
 * never on the command line) and is trusted through {@code -Djavax.net.ssl.trustStore}: explicit configuration, as a
 * user would do it. Argument: the work folder.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        ConfiguredPlatform platform = new ConfiguredPlatform(env.get(AppSettings.BASE_URL_ENV),
                env.get(AppSettings.TOKEN_ENV));
        GrandChallengeService.start(AppSettings.resolve(env).withWorkDir(Path.of(args[0])), platform,
                Tuning.forEmulator());
        System.out.println("SERVICE STARTED");
        new CountDownLatch(1).await();
    }
}
