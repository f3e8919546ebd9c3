package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.allComplete;
import static io.github.camelgc.app.reliability.Reliability.assertExactlyOnce;
import static io.github.camelgc.app.reliability.Reliability.dropScans;
import static io.github.camelgc.app.reliability.Reliability.errorFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.state.DatabaseSettings;
import io.github.camelgc.app.state.InboxClaims;
import io.github.camelgc.app.state.TestDatabases;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.server.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three service nodes (JVMs of their own) on one shared work folder and one PostgreSQL, against the emulator: 300
 * scans dropped at once; the leader (the node collecting results) and then a node submitting scans are killed with
 * SIGKILL during the run. Counted on the emulator and in the outbox: no scan submitted twice, none lost, every result
 * written once and complete; the pollers move to another node within seconds (measured from the kill to that node's
 * first poll of the jobs list). With {@code -Dreliability.heavy=true}: 1000 scans, and the killed nodes are started
 * again and killed again, three rounds.
 */
class ClusterIT {

    private static final int FILES = Reliability.heavy() ? 1000 : 300;
    private static final int ROUNDS = Reliability.heavy() ? 3 : 1;
    /** Short, so the test need not wait long for a dead node's claims; the default is 30 s. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0)
            .credits("demo", 1_000_000).maxActiveJobsPerUser(16).jobStepDelay(Duration.ZERO).build();

    @TempDir
    Path temp;

    private final List<ServiceNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (ServiceNode node : nodes) {
            node.kill();
        }
    }

    @Test
    void threeNodesOnOneInboxLoseAndDuplicateNothingWhenTheLeaderAndASubmitterAreKilled() throws Exception {
        long began = System.nanoTime();
        DatabaseSettings database = TestDatabases.freshPostgres();
        Map<String, String> environment = Map.of(DatabaseSettings.URL_ENV, database.url(),
                DatabaseSettings.USER_ENV, database.user(), InboxClaims.TIMEOUT_ENV,
                Long.toString(CLAIM_TIMEOUT.toSeconds()));
        Path work = Files.createDirectories(temp.resolve("shared-work"));
        WorkFolders folders = new WorkFolders(work).create();
        Path inbox = folders.inbox(WorkFolders.LOBES);
        Path outbox = folders.outbox(WorkFolders.LOBES);
        for (int i = 1; i <= 3; i++) {
            nodes.add(ServiceNode.start("node" + i, gc, work, temp, environment));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> nodes.stream().allMatch(ServiceNode::started)
                && leader().isPresent());

        List<String> names = dropScans(inbox, "c", FILES);
        List<Long> failovers = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int collected = results(outbox);
            await().atMost(Duration.ofMinutes(3)).until(() -> results(outbox) >= collected + FILES / (3 * ROUNDS));
            ServiceNode leader = leader().orElseThrow();
            Instant killed = Instant.now();
            leader.kill();
            Instant polled = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> firstPollSince(killed), Optional::isPresent).orElseThrow();
            long failover = Duration.between(killed, polled).toMillis();
            failovers.add(failover);
            assertThat(leader().map(ServiceNode::name)).as("a new leader").isPresent().isNotEqualTo(
                    Optional.of(leader.name()));

            int left = inboxFiles(inbox);
            await().atMost(Duration.ofMinutes(3)).until(() -> inboxFiles(inbox) <= left - FILES / (6 * ROUNDS)
                    || inboxFiles(inbox) == 0);
            ServiceNode submitter = nodes.stream().filter(ServiceNode::alive).filter(n -> !n.leads()).findFirst()
                    .orElseThrow();
            submitter.kill();
            if (round < ROUNDS - 1) {
                nodes.add(ServiceNode.start(leader.name() + "-again" + round, gc, work, temp, environment));
                nodes.add(ServiceNode.start(submitter.name() + "-again" + round, gc, work, temp, environment));
            }
        }

        try {
            await().atMost(Duration.ofMinutes(Reliability.heavy() ? 30 : 4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> allComplete(inbox, outbox, names) || errorFiles(inbox).length() > 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            keepOutputs();
            throw new AssertionError(String.format("not complete: %d scans left in the inbox, %d in .done/, %d lobe "
                    + "results, %d jobs on the platform; node consoles in target/reliability-logs/",
                    inboxFiles(inbox), count(inbox.resolve(".done"), ".mha"), results(outbox),
                    Reliability.lobeJobs(gc.emulator())), e);
        }
        assertThat(errorFiles(work)).as("no input failed").isEmpty();
        assertExactlyOnce(gc.emulator(), inbox, outbox, names);
        for (ServiceNode node : nodes) {
            assertThat(node.output()).as("%s's console", node).doesNotContain(gc.token("demo"));
        }
        long maxFailover = failovers.stream().mapToLong(Long::longValue).max().orElseThrow();
        long requests = gc.requestLog().entries().stream().filter(e -> e.path().startsWith("/api/v1/")).count();
        System.out.printf("RELIABILITY cluster: %d nodes, %d scans, %d leader kill(s) + %d submitter kill(s): "
                + "0 duplicate jobs, 0 lost scans, 0 duplicated or partial outputs; poller failover after SIGKILL "
                + "of the leader %s ms (limit %d ms); %.1f API requests per scan; %d s in all%n", 3, FILES, ROUNDS,
                ROUNDS, failovers, FAILOVER_LIMIT.toMillis(), (double) requests / FILES,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
        assertThat(maxFailover).as("poller failover (ms)").isLessThan(FAILOVER_LIMIT.toMillis());
    }

    private void keepOutputs() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "reliability-logs"));
        for (ServiceNode node : nodes) {
            Files.writeString(folder.resolve("cluster-" + node.name() + "-" + System.currentTimeMillis() + ".out"),
                    node.output());
        }
    }

    private static int count(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private Optional<ServiceNode> leader() {
        List<ServiceNode> leaders = nodes.stream().filter(ServiceNode::leads).toList();
        assertThat(leaders).as("at most one node leads").hasSizeLessThanOrEqualTo(1);
        return leaders.stream().findFirst();
    }

    /** The first poll of a jobs list (the result consumers read pages of 1000) after {@code since}. */
    private static Optional<Instant> firstPollSince(Instant since) {
        return gc.requestLog().entries().stream()
                .filter(e -> "GET".equals(e.method()) && e.path().equals("/api/v1/algorithms/jobs/")
                        && e.hasParameter("limit", "1000") && e.time().isAfter(since))
                .map(RequestLog.Entry::time).min(Instant::compareTo);
    }

    private static int results(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith("_lobes.mha")).count();
        }
    }

    private static int inboxFiles(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".mha")).count();
        }
    }
}
