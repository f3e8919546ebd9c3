package io.github.camelgc.app.state;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The component's state in the database: consumer positions and submission marks in {@code gc_state} (one
 * {@link JdbcStateRepository} for the platform's scope), and what each consumer emitted in camel-sql's
 * {@link JdbcMessageIdRepository}, one processor name per consumer. Owns the repositories it made and stops them.
 */
final class JdbcStateStores implements StateStoreFactory, AutoCloseable {

    private final Database database;
    private final JdbcStateRepository state;
    private final Map<String, JdbcMessageIdRepository> emitted = new LinkedHashMap<>();

    JdbcStateStores(Database database, String scope) {
        this.database = database;
        this.state = new JdbcStateRepository(database, scope);
    }

    @Override
    public StateRepository<String, String> stateRepository(String name) {
        return state;
    }

    @Override
    public synchronized IdempotentRepository idempotentRepository(String consumerKey) {
        return emitted.computeIfAbsent(consumerKey, key -> messageIds(database, key));
    }

    /** camel-sql's repository on the table Flyway created (so it never creates one of its own). */
    static JdbcMessageIdRepository messageIds(Database database, String processorName) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(database.dataSource(), processorName);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /** The platform-scoped state repository (also where the service keeps job → input). */
    JdbcStateRepository state() {
        return state;
    }

    @Override
    public synchronized void close() {
        emitted.values().forEach(ServiceHelper::stopAndShutdownService);
        emitted.clear();
    }
}
