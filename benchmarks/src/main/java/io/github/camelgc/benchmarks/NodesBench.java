package io.github.camelgc.benchmarks;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.ops.OpsSettings;
import io.github.camelgc.app.state.DatabaseSettings;
import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * 1, 2 and 3 service nodes on one inbox ({@link BenchNode}, each in a JVM of its own, one PostgreSQL)
 * against the emulator, zero job steps: files per second from the drop of the batch to its last result, and API
 * requests per scan. The platform's 16-active-jobs limit caps useful parallelism and the nodes share this machine's
 * cores, so the point is that nodes do not slow each other down (claims, one collector); one node is the baseline,
 * in the same run.
 */
final class NodesBench {

    private static final int UNLIMITED_CREDITS = 1_000_000_000;

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    NodesBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    private record Result(double filesPerSecond, double requestsPerScan) {
    }

    void run() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                        .storageDir(tmp.resolve("nodes-storage")).phantomCases(0)
                        .userCredits("demo", UNLIMITED_CREDITS))) {
            Path trust = trustStore(gc);
            List<Result> results = new ArrayList<>();
            for (int nodes = 1; nodes <= 3; nodes++) {
                results.add(round(postgres, gc, trust, nodes));
            }
            Result one = results.get(0);
            for (int nodes = 2; nodes <= 3; nodes++) {
                Result result = results.get(nodes - 1);
                figures.add(new Figure(nodes + " nodes on one inbox, " + options.nodeFiles + " x 2 MiB scans",
                        "files/s", "1 node", one.filesPerSecond(), result.filesPerSecond(), true, ">= 0.9x",
                        result.filesPerSecond() >= 0.9 * one.filesPerSecond()));
            }
            for (int nodes = 2; nodes <= 3; nodes++) {
                Result result = results.get(nodes - 1);
                // no target: waiting submissions of every node re-post on the active-jobs limit, and the collector
                // looks up the input names of jobs another node submitted (see docs/performance.md)
                figures.add(new Figure("API requests per scan, " + nodes + " nodes", "requests", "1 node",
                        one.requestsPerScan(), result.requestsPerScan(), false, "", null));
            }
        }
    }

    private Result round(EmbeddedPostgres postgres, GrandChallengeEmulator gc, Path trust, int count)
            throws Exception {
        String database = "nodes_" + count;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Path work = Files.createDirectories(tmp.resolve("nodes-" + count));
        WorkFolders folders = new WorkFolders(work).create();
        Path inbox = folders.inbox(WorkFolders.LOBES);
        Path outbox = folders.outbox(WorkFolders.LOBES);
        List<Process> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                nodes.add(node(gc, trust, work, postgres.getJdbcUrl("postgres", database), i));
            }
            // a warm-up batch: every node is up (and its JIT warm) before the measured one is dropped
            int warmUp = 4 * count;
            for (Path scan : BatchBench.scans(work.resolve("warm-up"), warmUp)) {
                Files.move(scan, inbox.resolve("warm-" + scan.getFileName()));
            }
            awaitResults(outbox, warmUp, nodes);
            gc.requestLog().clear();

            List<Path> scans = BatchBench.scans(work.resolve("staging"), options.nodeFiles);
            long started = System.nanoTime();
            for (Path scan : scans) {
                Files.move(scan, inbox.resolve(scan.getFileName()));
            }
            awaitResults(outbox, warmUp + scans.size(), nodes);
            double seconds = (System.nanoTime() - started) / 1e9;
            double requests = gc.requestLog().entries().stream().filter(e -> e.path().startsWith("/api/v1/")).count()
                    / (double) scans.size();
            System.out.printf("  nodes: %d node(s), %d files in %.1f s, %.2f API requests per scan:%n", count,
                    scans.size(), seconds, requests);
            for (var counter : gc.requestLog().counters()) {
                if (counter.requests() >= scans.size() / 10) {
                    System.out.printf("    %6.2f  %s %s %d%n", counter.requests() / (double) scans.size(),
                            counter.method(), counter.pattern(), counter.status());
                }
            }
            return new Result(scans.size() / seconds, requests);
        } finally {
            for (Process node : nodes) {
                node.destroy();
            }
            for (Process node : nodes) {
                node.waitFor();
            }
            DataFiles.deleteRecursively(work);
        }
    }

    private static void awaitResults(Path outbox, int expected, List<Process> nodes) throws Exception {
        try (ResultWatch results = new ResultWatch(outbox)) {
            results.await("_lobes.mha", expected, Duration.ofMinutes(10), () -> {
                if (nodes.stream().anyMatch(n -> !n.isAlive())) {
                    throw new IllegalStateException("A service node ended before its results were in (its console: "
                            + "node-*.out in the benchmark's temporary folder)");
                }
            });
        }
    }

    /** A service node in a JVM of its own, configured through the environment like a user's. */
    private Process node(GrandChallengeEmulator gc, Path trust, Path work, String jdbcUrl, int index)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", System.getProperty("java.class.path"), BenchNode.class.getName(), work.toString());
        builder.environment().put(AppSettings.BASE_URL_ENV, gc.baseUrl());
        builder.environment().put(AppSettings.TOKEN_ENV, gc.token("demo"));
        builder.environment().put(DatabaseSettings.URL_ENV, jdbcUrl);
        builder.environment().put(DatabaseSettings.USER_ENV, "postgres");
        // every node its own free port for metrics and health (the default, 9464, fits one node per machine)
        builder.environment().put(OpsSettings.PORT_ENV, "0");
        builder.redirectErrorStream(true).redirectOutput(tmp.resolve("node-" + index + ".out").toFile());
        return builder.start();
    }

    private Path trustStore(GrandChallengeEmulator gc) throws Exception {
        Path file = tmp.resolve("nodes-trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("emulator", gc.trustStore().getCertificate(gc.trustStore().aliases().nextElement()));
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
