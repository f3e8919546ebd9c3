package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state tables bounded: rows nothing will ask for again are deleted once older than the retention, at start
 * and then every few hours (every node may do it; the deletes are idempotent).
 * <ul>
 * <li>{@code CAMEL_MESSAGEPROCESSED}: what consumers emitted and which lung masks were written — jobs that old lie
 * below every consumer's saved position and are never read again — and claims of files that vanished while a dead
 * node held them (a live claim is refreshed every few seconds, so it is never that old);</li>
 * <li>{@code gc_state}: submission marks ({@code submission|…}, cleared when their exchange completed; one is left
 * only by a submission that failed for good) and job inputs ({@code job-input|…}, dropped once the job's outcome was
 * handled; a job gives up after {@code grandchallenge.jobTimeout}, far shorter). Consumer positions are never pruned:
 * a position is rewritten only when it moves, however long it stays put.</li>
 * </ul>
 */
public final class StatePruning extends ServiceSupport implements CamelContextAware {

    /** How long emitted jobs, written masks, submission marks and job inputs are kept. */
    public static final Duration RETENTION = Duration.ofDays(90);
    static final Duration INTERVAL = Duration.ofHours(6);
    /** Key prefixes of the {@code gc_state} rows that may be pruned (SubmissionMarks' and JobInputs' keys). */
    private static final String PRUNE_STATE = "DELETE FROM gc_state WHERE updated_at < ? "
            + "AND (state_key LIKE 'submission|%' OR state_key LIKE 'job-input|%')";
    private static final String PRUNE_IDS = "DELETE FROM CAMEL_MESSAGEPROCESSED WHERE createdAt < ?";
    private static final Logger LOG = LoggerFactory.getLogger(StatePruning.class);

    private final Database database;
    private final Duration retention;
    private final Clock clock;
    private CamelContext camelContext;
    private ScheduledExecutorService executor;

    public StatePruning(Database database) {
        this(database, RETENTION, Clock.systemUTC());
    }

    StatePruning(Database database, Duration retention, Clock clock) {
        this.database = database;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes what is older than the retention; returns the number of rows deleted. */
    public int prune() throws SQLException {
        Timestamp cutoff = new Timestamp(clock.millis() - retention.toMillis());
        int deleted = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            for (String sql : new String[] {PRUNE_STATE, PRUNE_IDS}) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setTimestamp(1, cutoff);
                    deleted += delete.executeUpdate();
                }
            }
        }
        return deleted;
    }

    private void pruneLogged() {
        try {
            int deleted = prune();
            LOG.debug("Pruned {} state rows older than {}", deleted, retention);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Pruning old state rows failed (tried again in {} h): {}", INTERVAL.toHours(), e.getMessage());
        }
    }

    @Override
    protected void doStart() {
        executor = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "StatePruning");
        executor.scheduleWithFixedDelay(this::pruneLogged, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
