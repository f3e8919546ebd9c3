package io.github.camelgc.app.state;

import java.nio.file.Path;
import java.time.Duration;

import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import io.github.camelgc.grandchallenge.state.ListableStateRepository;

/**
 * All of the service's durable state, in one database (see {@link DatabaseSettings}): what the component keeps
 * (through its {@code stateStoreFactory}), job → input, the inbox claims, the lung masks written. Opening it checks
 * that the work folder may use this database, migrates the schema and imports the state of earlier versions once.
 */
public final class ServiceState implements AutoCloseable {

    /** Bean names the routes refer to. */
    public static final String INBOX_CLAIMS = "inboxClaims";
    public static final String LUNG_MASK_REPOSITORY = "lungMaskRepository";
    /** The processor name of the lung masks written, in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String LUNG_MASKS = "lung-masks";

    private final Database database;
    private final JdbcStateStores stores;
    private final Duration claimTimeout;

    private ServiceState(Database database, JdbcStateStores stores, Duration claimTimeout) {
        this.database = database;
        this.stores = stores;
        this.claimTimeout = claimTimeout;
    }

    /**
     * Opens the state of a work folder for one platform.
     *
     * @param platformScope the platform's state folder name ({@link WorkFolders#platformState}), the scope of its
     *                      rows
     * @param claimTimeout  how long an inbox claim outlives a node that died holding it
     * @throws DatabaseUnavailableException with a message saying why and what to do
     */
    public static ServiceState open(DatabaseSettings settings, WorkFolders folders, String platformScope,
            Duration claimTimeout) {
        Path stateFolder = folders.state();
        if (settings.embedded()) {
            SharedDatabaseMarker.checkEmbeddedAllowed(stateFolder);
        }
        Database database = Database.open(settings);
        try {
            if (!settings.embedded()) {
                SharedDatabaseMarker.write(stateFolder, settings);
                EmbeddedDatabaseImport.importInto(database, stateFolder);
            }
            new LegacyFiles(database, stateFolder).importAll();
            return new ServiceState(database, new JdbcStateStores(database, platformScope), claimTimeout);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The component's state: set as its {@code stateStoreFactory}. */
    public StateStoreFactory componentStores() {
        return stores;
    }

    /** Where {@code JobInputs} keeps job → input (the platform's scope). */
    public ListableStateRepository jobInputs() {
        return stores.state();
    }

    /** Whether this is the embedded single-process database. */
    public boolean embedded() {
        return database.embedded();
    }

    public Database database() {
        return database;
    }

    /**
     * Binds the repositories the routes use ({@value #INBOX_CLAIMS}, {@value #LUNG_MASK_REPOSITORY}) and adds the
     * pruning of old rows to the Camel context once Camel Main made it.
     */
    public void bindInto(Main main) {
        main.bind(INBOX_CLAIMS, new InboxClaims(database, claimTimeout));
        main.bind(LUNG_MASK_REPOSITORY, JdbcStateStores.messageIds(database, LUNG_MASKS));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                try {
                    configured.getCamelContext().addService(new StatePruning(database), true, false);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot add the state pruning: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Repositories bound into Camel are stopped by Camel; this stops the component's and closes the pool. */
    @Override
    public void close() {
        stores.close();
        database.close();
    }
}
