package io.github.camelgc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.state.DatabaseSettings;
import io.github.camelgc.app.state.InboxClaims;
import io.github.camelgc.app.state.ServiceState;
import io.github.camelgc.grandchallenge.state.FileStateStore;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The cost of the service's state per job as history grows: every state operation one scan causes (its inbox claim,
 * submission mark posting → created → cleared, job → input recorded, read twice and dropped, the result consumer's
 * "emitted?" checks of two polls and its record), timed over a few thousand jobs (best of three rounds) once the
 * stores hold 1,000 and
 * 100,000 finished jobs, on the embedded H2 database and on PostgreSQL (zonky's embedded server with fsync on, once
 * with {@code synchronous_commit=on}, PostgreSQL's default: every commit waits for its WAL flush, and once with
 * {@code off}: commits are flushed within a fraction of a second, a server crash may lose the last of them); against
 * the file stores of earlier versions (FileStateStore and Camel's FileIdempotentRepository, which had no claims) with
 * the same history, in the same run.
 */
final class StateBench {

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    StateBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    /** The stores one job touches. */
    private record Stores(StateRepository<String, String> state, IdempotentRepository emitted,
            IdempotentRepository claims) {
    }

    void run() throws Exception {
        double files = fileStores();
        measure("H2 (embedded)", DatabaseSettings.embedded(tmp.resolve("state-h2")), files);
        for (String synchronous : new String[] {"on", "off"}) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", synchronous).setServerConfig("full_page_writes", "on")
                    .start()) {
                measure("PostgreSQL synchronous_commit=" + synchronous,
                        DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null), files);
            }
        }
    }

    private void measure(String name, DatabaseSettings settings, double files) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("state-" + name.hashCode()));
        try (ServiceState state = ServiceState.open(settings, new WorkFolders(work).create(), "bench_443",
                InboxClaims.DEFAULT_TIMEOUT); DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            StateStoreFactory factory = state.componentStores();
            IdempotentRepository emitted = factory.idempotentRepository("job-bench-00000000");
            ServiceHelper.startService(emitted);
            InboxClaims claims = new InboxClaims(state.database(), InboxClaims.DEFAULT_TIMEOUT);
            claims.setCamelContext(camel);
            ServiceHelper.startService(claims);
            Stores stores = new Stores(factory.stateRepository(StateStoreFactory.SUBMISSIONS), emitted, claims);

            fill(state, "job-bench-00000000", 0, 1_000);
            double small = perJob(stores, "a");
            fill(state, "job-bench-00000000", 1_000, options.stateHistory);
            double large = perJob(stores, "b");
            String history = String.format(Locale.ROOT, "%,d", options.stateHistory);
            figures.add(new Figure("state per job at " + history + " jobs of history, " + name, "ms",
                    "same at 1,000 jobs", small, large, false, "flat (<= 1.5x)", large <= 1.5 * small));
            figures.add(new Figure("state per job at " + history + " jobs of history, " + name + " vs files", "ms",
                    "file stores, " + history + " jobs", files, large, false, "<= 1 ms", large <= 1.0));
            ServiceHelper.stopService(claims);
        } finally {
            DataFiles.deleteRecursively(work);
        }
    }

    /** Milliseconds of state work per job, over {@code options.stateJobs} jobs after a warm-up. */
    private double perJob(Stores stores, String run) {
        return perJob(stores, run, options.stateJobs);
    }

    /** The best of three rounds (the machine is shared: the least disturbed round is the cost of the work). */
    private static double perJob(Stores stores, String run, int count) {
        // as many jobs again first: the JIT, the pool and the database's caches are warm before the clock runs
        jobs(stores, run + "-warm", count);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            jobs(stores, run + "-" + round, count);
            best = Math.min(best, (System.nanoTime() - started) / 1e6 / count);
        }
        return best;
    }

    private static void jobs(Stores stores, String run, int count) {
        for (int i = 0; i < count; i++) {
            String job = run + "-job-" + i;
            String file = "scan-" + run + "-" + i + ".mha-2097152-1764633600000";
            if (stores.claims() != null && !stores.claims().add(file)) {
                throw new IllegalStateException("claim refused");
            }
            String mark = "submission|" + Integer.toHexString(file.hashCode()) + run + i;
            stores.state().setState(mark, "{\"phase\":\"posting\",\"since\":" + i + ",\"names\":[\"" + file + "\"]}");
            stores.state().setState(mark, "{\"phase\":\"created\",\"job\":\"" + job + "\"}");
            stores.state().setState("job-input|" + job, "inbox/pulmonary-lobe-segmentation/.done/" + file);
            if (stores.claims() != null) {
                stores.claims().remove(file);
            }
            stores.state().setState(mark, "");
            stores.emitted().contains(job);
            stores.state().getState("job-input|" + job);
            stores.emitted().contains(job);
            stores.emitted().add(job);
            stores.state().getState("job-input|" + job);
            stores.state().setState("job-input|" + job, "");
        }
    }

    /** Adds finished jobs {@code from..to-1} to what the consumer emitted, in batches. */
    private static void fill(ServiceState state, String processor, int from, int to) throws Exception {
        try (Connection connection = state.database().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = from; i < to; i++) {
                insert.setString(1, processor);
                insert.setString(2, "history-" + i + "-4f9c2b1e-0d5a-4c8e-9a77-1c2b3d4e5f60");
                insert.setTimestamp(3, now);
                insert.addBatch();
                if ((i - from) % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** The same work on the file stores of earlier versions (no claims), with the same history. */
    private double fileStores() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("state-files"));
        FileStateStore state = new FileStateStore(folder.resolve("state.json"));
        // the history written as the repository writes it (one key per line): adding 100,000 keys through it would
        // take hours, since each new key is first looked for in the whole file
        Path emittedFile = folder.resolve("emitted.dat");
        try (var out = Files.newBufferedWriter(emittedFile)) {
            for (int i = 0; i < options.stateHistory; i++) {
                out.write("history-" + i + "-4f9c2b1e-0d5a-4c8e-9a77-1c2b3d4e5f60\n");
            }
        }
        FileIdempotentRepository emitted = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(emittedFile.toFile(), 100_000, 64L * 1024 * 1024);
        ServiceHelper.startService(state);
        ServiceHelper.startService(emitted);
        try {
            return perJob(new Stores(state, emitted, null), "f", Math.max(30, options.stateJobs / 40));
        } finally {
            ServiceHelper.stopService(emitted);
            ServiceHelper.stopService(state);
            DataFiles.deleteRecursively(folder);
        }
    }
}
