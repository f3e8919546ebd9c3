package io.github.camelgc.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Which node works on which inbox file: the {@code idempotentRepository} of the inbox consumers'
 * {@code readLock=idempotent-changed}. A claim is a row of camel-sql's {@link JdbcOrphanLockAwareIdempotentRepository}
 * in the shared database: a file is submitted by the one node whose insert won; the claim is released when the
 * exchange is done (the file has then moved to {@code .done/} or {@code .failed/}, or stays for a retry). While held,
 * the claim is refreshed every {@code timeout / 6}; a node that dies stops refreshing it, and after {@code timeout}
 * another node may take the file over (its submission mark then leads it to a job the dead node may have created).
 * A node releases only claims it holds.
 * <p>
 * A wrapper only because camel-sql's repository takes its CamelContext in the constructor, and the context is made
 * after this bean is bound; it is created when Camel starts this bean.
 */
public final class InboxClaims extends ServiceSupport implements IdempotentRepository, CamelContextAware {

    public static final String TIMEOUT_PROPERTY = "grandchallenge.cluster.claimTimeout";
    public static final String TIMEOUT_ENV = "GRAND_CHALLENGE_CLAIM_TIMEOUT";
    /** Long enough for a GC pause or a slow database, short enough that a dead node's files wait little. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The processor name of the claims in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String PROCESSOR = "inbox-claims";

    private final Database database;
    private final Duration timeout;
    private CamelContext camelContext;
    private volatile JdbcOrphanLockAwareIdempotentRepository claims;
    /** The claims this node holds. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * @param timeout how long a claim outlives the node that held it
     */
    public InboxClaims(Database database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    /** The configured claim timeout: seconds or an ISO-8601 duration ({@value #TIMEOUT_PROPERTY}). */
    public static Duration configuredTimeout(java.util.Map<String, String> environment) {
        return io.github.camelgc.app.AppSettings.setting(TIMEOUT_PROPERTY, TIMEOUT_ENV, environment)
                .map(value -> {
                    try {
                        return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a number of seconds or an "
                                + "ISO-8601 duration such as PT30S, not '" + value + "'", e);
                    }
                }).orElse(DEFAULT_TIMEOUT);
    }

    @Override
    protected void doStart() throws Exception {
        if (database.embedded()) {
            // only this process can open the embedded database: every claim left in it is one this process's
            // predecessor held when it was stopped or killed
            releaseAll();
        }
        JdbcOrphanLockAwareIdempotentRepository repository = new JdbcOrphanLockAwareIdempotentRepository(
                database.dataSource(), PROCESSOR, camelContext);
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(timeout.toMillis());
        repository.setLockKeepAliveIntervalMillis(Math.max(1, timeout.toMillis() / 6));
        ServiceHelper.startService(repository);
        claims = repository;
    }

    @Override
    protected void doStop() throws Exception {
        // a node stopped on purpose hands its files over at once (the exchanges finished before Camel stops this)
        for (String key : held) {
            remove(key);
        }
        ServiceHelper.stopAndShutdownService(claims);
        claims = null;
    }

    private void releaseAll() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?")) {
            delete.setString(1, PROCESSOR);
            delete.executeUpdate();
        }
    }

    private JdbcOrphanLockAwareIdempotentRepository claims() {
        JdbcOrphanLockAwareIdempotentRepository current = claims;
        if (current == null) {
            throw new IllegalStateException("The inbox claims are not started");
        }
        return current;
    }

    /** Claims {@code key}; {@code false} when another node holds it (and has not died). */
    @Override
    public boolean add(String key) {
        boolean claimed = claims().add(key);
        if (claimed) {
            held.add(key);
        }
        return claimed;
    }

    /** Whether a live node holds {@code key}. */
    @Override
    public boolean contains(String key) {
        return claims().contains(key);
    }

    /**
     * Releases {@code key} if this node holds it. Camel's idempotent read locks also "release" a file they failed to
     * claim (the consumer aborts it), which must not delete the claim of the node that holds it.
     */
    @Override
    public boolean remove(String key) {
        return held.remove(key) && claims().remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return claims().confirm(key);
    }

    @Override
    public void clear() {
        held.clear();
        claims().clear();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public String toString() {
        return "InboxClaims[" + database + ", timeout=" + timeout + "]";
    }
}
