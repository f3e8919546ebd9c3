package io.github.camelgc.grandchallenge.state;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;

/**
 * Where endpoints keep their durable state when they name no repository of their own: set on the component
 * ({@code stateStoreFactory}) to move every endpoint's state into a shared store, e.g. a database that several nodes
 * use. Without one, the file defaults of {@link StateStores} in {@code stateDirectory} are used.
 * <p>
 * The component itself never depends on a store's technology: an application passes its repositories in through this
 * interface. Repositories are started by the endpoint on first use; the factory owns them and stops them.
 */
public interface StateStoreFactory {

    /** The name of the repository of consumer positions ({@code offsetRepository}). */
    String POSITIONS = "positions";

    /** The name of the repository of submission marks ({@code submissionRepository}). */
    String SUBMISSIONS = "submissions";

    /**
     * The state repository called {@code name} ({@link #POSITIONS} or {@link #SUBMISSIONS}); keys never clash
     * between the two, so one repository may serve both.
     */
    StateRepository<String, String> stateRepository(String name);

    /**
     * What one consumer emitted. {@code consumerKey} names the consumer: its kind, what it follows and a digest of
     * the platform's address (a safe file name, at most about 180 bytes).
     */
    IdempotentRepository idempotentRepository(String consumerKey);
}
