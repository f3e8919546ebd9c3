package io.github.camelgc.app.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.state.TestDatabases.Kind;
import io.github.camelgc.grandchallenge.state.FileStateStore;
import io.github.camelgc.grandchallenge.state.ListableStateRepository;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service's state stores, the same tests on the embedded H2 default and on a real PostgreSQL. */
class StateStoreIT {

    @TempDir
    Path work;

    private ServiceState open(Kind kind) {
        return open(TestDatabases.fresh(kind, work));
    }

    private ServiceState open(DatabaseSettings settings) {
        return ServiceState.open(settings, new WorkFolders(work).create(), "localhost_8443", Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stateRowsAreUpsertedReadAndDeletedWhenCleared(Kind kind) throws Exception {
        try (ServiceState state = open(kind)) {
            StateRepository<String, String> store = state.jobInputs();
            assertThat(store.getState("job-input|1")).isNull();
            store.setState("job-input|1", "inbox/a/.done/a.mha");
            store.setState("job-input|1", "inbox/a/.done/b.mha");
            assertThat(store.getState("job-input|1")).isEqualTo("inbox/a/.done/b.mha");
            String large = "x".repeat(200_000);
            store.setState("job|https://host/api/v1/|slug", large);
            assertThat(store.getState("job|https://host/api/v1/|slug")).isEqualTo(large);
            assertThat(rows(state, "SELECT COUNT(*) FROM gc_state")).isEqualTo(2);

            store.setState("job-input|1", "");
            assertThat(store.getState("job-input|1")).as("an empty value means none").isNull();
            assertThat(rows(state, "SELECT COUNT(*) FROM gc_state")).as("the cleared row is gone").isEqualTo(1);
            store.setState("never-set", "");
            assertThat(rows(state, "SELECT COUNT(*) FROM gc_state")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keysAreListedByPrefixWithinThePlatformAndLikeWildcardsAreLiteral(Kind kind) throws Exception {
        try (ServiceState state = open(kind)) {
            ListableStateRepository store = state.jobInputs();
            store.setState("job-input|1", "inbox/a/.done/a.mha");
            store.setState("job-input|2", "inbox/a/.done/b.mha");
            store.setState("job-input|3", "");
            store.setState("job-inputX1", "not under the prefix");
            store.setState("job_input|4", "an underscore is not a wildcard");
            store.setState("submission|k", "{}");
            new JdbcStateRepository(state.database(), "grand-challenge.org").setState("job-input|9", "elsewhere");

            assertThat(store.keys("job-input|")).containsExactlyInAnyOrder("job-input|1", "job-input|2");
            assertThat(store.keys("job%")).isEmpty();
            assertThat(store.keys("job_input|")).containsExactly("job_input|4");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void platformsDoNotShareRows(Kind kind) throws Exception {
        try (ServiceState state = open(kind)) {
            JdbcStateRepository other = new JdbcStateRepository(state.database(), "grand-challenge.org");
            state.jobInputs().setState("submission|k", "{\"phase\":\"posting\"}");
            assertThat(other.getState("submission|k")).isNull();
            other.setState("submission|k", "{\"phase\":\"created\"}");
            assertThat(state.jobInputs().getState("submission|k")).isEqualTo("{\"phase\":\"posting\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentWritersOfTheSameKeysNeverFail(Kind kind) throws Exception {
        try (ServiceState state = open(kind)) {
            StateRepository<String, String> store = state.jobInputs();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    writers.add(threads.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            store.setState("job|shared", "t" + thread + "-" + i);
                            store.setState("job|own-" + thread, Integer.toString(i));
                            store.setState("job|churn-" + (i % 5), i % 2 == 0 ? "v" + thread : "");
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(store.getState("job|shared")).matches("t[0-7]-99");
            for (int t = 0; t < 8; t++) {
                assertThat(store.getState("job|own-" + t)).isEqualTo("99");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachConsumerKeepsWhatItEmittedAcrossRestarts(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.fresh(kind, work);
        try (ServiceState state = open(settings)) {
            StateStoreFactory stores = state.componentStores();
            IdempotentRepository lobes = started(stores.idempotentRepository("job-pulmonary-lobe-segmentation-1a2b3c4d"));
            IdempotentRepository archive = started(stores.idempotentRepository("archive-coronacasesorg-1a2b3c4d"));
            assertThat(stores.idempotentRepository("job-pulmonary-lobe-segmentation-1a2b3c4d")).isSameAs(lobes);
            assertThat(lobes.add("job-1")).isTrue();
            assertThat(lobes.add("job-1")).as("already emitted").isFalse();
            assertThat(archive.contains("job-1")).as("another consumer").isFalse();
            assertThat(stores.stateRepository(StateStoreFactory.POSITIONS))
                    .isSameAs(stores.stateRepository(StateStoreFactory.SUBMISSIONS));
        }
        try (ServiceState state = open(settings)) {
            IdempotentRepository lobes = started(
                    state.componentStores().idempotentRepository("job-pulmonary-lobe-segmentation-1a2b3c4d"));
            assertThat(lobes.contains("job-1")).as("emitted before the restart").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aClaimIsExclusiveWhileHeldAndOutlivesADeadHolderByTheTimeout(Kind kind) throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        try (ServiceState state = open(kind); DefaultCamelContext nodeA = new DefaultCamelContext();
                DefaultCamelContext nodeB = new DefaultCamelContext()) {
            nodeA.start();
            nodeB.start();
            InboxClaims a = claims(state, nodeA, timeout);
            InboxClaims b = claims(state, nodeB, timeout);
            assertThat(a.add("scan.mha-100-1")).isTrue();
            assertThat(b.add("scan.mha-100-1")).as("held by node A").isFalse();
            assertThat(b.contains("scan.mha-100-1")).isTrue();
            assertThat(b.remove("scan.mha-100-1")).as("Camel's read lock releases what it failed to claim").isFalse();
            assertThat(b.add("scan.mha-100-1")).as("still held by node A").isFalse();
            assertThat(b.add("other.mha-100-1")).as("another file").isTrue();

            // node A stays alive for three timeouts: its keep-alive keeps the claim
            Instant until = Instant.now().plus(timeout.multipliedBy(3));
            await().atMost(timeout.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertThat(b.add("scan.mha-100-1")).as("still held").isFalse();
                        assertThat(Instant.now()).isAfter(until);
                    });

            a.remove("scan.mha-100-1");
            assertThat(b.add("scan.mha-100-1")).as("released").isTrue();
            b.remove("scan.mha-100-1");

            ServiceHelper.stopService(a);
            assertThat(b.add("stopped.mha-1-1")).as("a node stopped on purpose released its claims").isTrue();
            b.remove("stopped.mha-1-1");

            // a node that dies: camel-sql's repository without the wrapper, shut down without releasing anything
            JdbcOrphanLockAwareIdempotentRepository dying = new JdbcOrphanLockAwareIdempotentRepository(
                    state.database().dataSource(), InboxClaims.PROCESSOR, nodeA);
            dying.setCreateTableIfNotExists(false);
            dying.setLockMaxAgeMillis(timeout.toMillis());
            dying.setLockKeepAliveIntervalMillis(timeout.toMillis() / 6);
            ServiceHelper.startService(dying);
            assertThat(dying.add("dies.mha-1-1")).isTrue();
            ServiceHelper.stopAndShutdownService(dying); // no more keep-alive, the row stays
            long died = System.nanoTime();
            assertThat(b.add("dies.mha-1-1")).isFalse();
            await().atMost(timeout.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> b.add("dies.mha-1-1"));
            assertThat(Duration.ofNanos(System.nanoTime() - died)).isGreaterThanOrEqualTo(timeout.minusMillis(500));
            ServiceHelper.stopService(b);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pruningDeletesOnlyOldMarksJobInputsAndMessageIds(Kind kind) throws Exception {
        try (ServiceState state = open(kind)) {
            Instant old = Instant.now().minus(StatePruning.RETENTION).minus(Duration.ofDays(1));
            JdbcStateRepository past = new JdbcStateRepository(state.database(), "localhost_8443",
                    Clock.fixed(old, ZoneOffset.UTC));
            past.setState("submission|old", "{}");
            past.setState("job-input|old", "inbox/x/.done/x.mha");
            past.setState("job|https://host/|slug", "{\"offset\":10}");
            state.jobInputs().setState("submission|new", "{}");
            IdempotentRepository emitted = started(state.componentStores().idempotentRepository("job-x-1"));
            emitted.add("recent");
            try (Connection connection = state.database().dataSource().getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO CAMEL_MESSAGEPROCESSED VALUES (?, ?, ?)")) {
                insert.setString(1, "job-x-1");
                insert.setString(2, "ancient");
                insert.setTimestamp(3, java.sql.Timestamp.from(old));
                insert.executeUpdate();
            }

            assertThat(new StatePruning(state.database()).prune()).isEqualTo(3);
            assertThat(state.jobInputs().getState("submission|old")).isNull();
            assertThat(state.jobInputs().getState("job-input|old")).isNull();
            assertThat(state.jobInputs().getState("job|https://host/|slug")).as("positions are kept").isNotNull();
            assertThat(state.jobInputs().getState("submission|new")).isNotNull();
            assertThat(emitted.contains("recent")).isTrue();
            assertThat(emitted.contains("ancient")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFileStateOfAnEarlierVersionIsImportedOnce(Kind kind) throws Exception {
        WorkFolders folders = new WorkFolders(work).create();
        Path platform = Files.createDirectories(folders.state().resolve("localhost_8443"));
        writeFileStore(platform.resolve("job-inputs.json"), "job-input|j1", "inbox/p/.done/a.mha");
        writeFileStore(platform.resolve("consumers/positions.json"), "job|https://localhost:8443/api/v1/|p",
                "{\"offset\":3}");
        writeFileStore(platform.resolve("consumers/submissions.json"), "submission|abc", "{\"phase\":\"created\"}");
        Path emitted = Files.createDirectories(platform.resolve("consumers/job-p-0a0b0c0d")).resolve("emitted.dat");
        Files.writeString(emitted, "j0\nj1\n", StandardCharsets.UTF_8);
        Files.writeString(folders.state().resolve("lung-masks.idempotent"), "a_lobes.mha-17917-1\n");
        DatabaseSettings settings = TestDatabases.fresh(kind, work);

        try (ServiceState state = open(settings)) {
            assertThat(state.jobInputs().getState("job-input|j1")).isEqualTo("inbox/p/.done/a.mha");
            assertThat(state.jobInputs().getState("job|https://localhost:8443/api/v1/|p")).isEqualTo("{\"offset\":3}");
            assertThat(state.jobInputs().getState("submission|abc")).isEqualTo("{\"phase\":\"created\"}");
            assertThat(started(state.componentStores().idempotentRepository("job-p-0a0b0c0d")).contains("j1")).isTrue();
            assertThat(rows(state, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'lung-masks'"))
                    .isEqualTo(1);
            state.jobInputs().setState("job-input|j1", "");
        }
        assertThat(platform.resolve("job-inputs.json.imported")).exists();
        assertThat(platform.resolve("job-inputs.json")).doesNotExist();
        assertThat(emitted.resolveSibling("emitted.dat.imported")).exists();
        try (ServiceState state = open(settings)) {
            assertThat(state.jobInputs().getState("job-input|j1")).as("not imported a second time").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSchemaIsMigratedOnceAndStartingAgainChangesNothing(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.fresh(kind, work);
        try (ServiceState state = open(settings)) {
            state.jobInputs().setState("job|k", "v");
        }
        try (ServiceState state = open(settings)) {
            assertThat(state.jobInputs().getState("job|k")).isEqualTo("v");
            assertThat(rows(state, "SELECT COUNT(*) FROM \"" + Database.HISTORY_TABLE + "\" WHERE \"success\" = TRUE "
                    + "AND \"type\" = 'SQL'")).as("migrations applied").isEqualTo(1);
        }
    }

    private static InboxClaims claims(ServiceState state, DefaultCamelContext context, Duration timeout) {
        InboxClaims claims = new InboxClaims(state.database(), timeout);
        claims.setCamelContext(context);
        ServiceHelper.startService(claims);
        return claims;
    }

    private static IdempotentRepository started(IdempotentRepository repository) {
        ServiceHelper.startService(repository);
        return repository;
    }

    private static void writeFileStore(Path file, String key, String value) {
        FileStateStore store = new FileStateStore(file);
        ServiceHelper.startService(store);
        store.setState(key, value);
        ServiceHelper.stopService(store);
    }

    static long rows(ServiceState state, String sql) throws SQLException {
        try (Connection connection = state.database().dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
