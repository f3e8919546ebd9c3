package io.github.camelgc.app.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;

/**
 * One service node in its own JVM ({@link ServiceProcess}), configured like a user would (platform and database
 * through the environment, the emulator trusted through {@code -Djavax.net.ssl.trustStore}), its console in a file.
 * {@link #kill()} is {@code kill -9}: no shutdown hook, no finally block.
 */
final class ServiceNode implements AutoCloseable {

    static final String STARTED = "SERVICE STARTED";
    static final String LEADS = "this node now collects results";
    static final String STOPPED_LEADING = "this node no longer collects results";

    private final String name;
    private final Process process;
    private final Path output;

    private ServiceNode(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts a node on {@code work}.
     *
     * @param environment extra environment variables (e.g. the database settings)
     */
    static ServiceNode start(String name, GrandChallengeEmulatorExtension gc, Path work, Path folder,
            Map<String, String> environment) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dgc.log=INFO", "-Djavax.net.ssl.trustStore=" + trustStore(gc, folder),
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(), work.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(AppSettings.BASE_URL_ENV, gc.baseUrl());
        builder.environment().put(AppSettings.TOKEN_ENV, gc.token("demo"));
        builder.environment().putAll(environment);
        Path output = folder.resolve(name + ".out");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return new ServiceNode(name, builder.start(), output);
    }

    /** The emulator's certificate in a PKCS12 trust store, written once per folder. */
    private static synchronized Path trustStore(GrandChallengeEmulatorExtension gc, Path folder) throws Exception {
        Path file = folder.resolve("emulator-trust.p12");
        if (!Files.exists(file)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("emulator", gc.emulator().trustStore()
                    .getCertificate(gc.emulator().trustStore().aliases().nextElement()));
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, "changeit".toCharArray());
            }
        }
        return file;
    }

    String name() {
        return name;
    }

    /** What the node printed so far. */
    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean started() {
        return output().contains(STARTED);
    }

    /** Whether the node's last word on leadership is that it leads. */
    boolean leads() {
        String text = output();
        return process.isAlive() && text.lastIndexOf(LEADS) > text.lastIndexOf(STOPPED_LEADING);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    @Override
    public String toString() {
        return name;
    }
}
