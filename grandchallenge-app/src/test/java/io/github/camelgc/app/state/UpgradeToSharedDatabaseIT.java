package io.github.camelgc.app.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelgc.app.WorkFolders;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single node on the embedded database becomes a cluster on PostgreSQL: the first shared node takes the embedded
 * state over, and a node started later with the embedded database on the same folder is refused.
 */
class UpgradeToSharedDatabaseIT {

    @TempDir
    Path work;

    @Test
    void theEmbeddedStateMovesIntoTheSharedDatabaseAndEmbeddedNodesAreRefusedAfterwards() throws Exception {
        WorkFolders folders = new WorkFolders(work).create();
        try (ServiceState single = open(DatabaseSettings.embedded(work))) {
            single.jobInputs().setState("job-input|j1", "inbox/p/.done/a.mha");
            IdempotentRepository emitted = single.componentStores().idempotentRepository("job-p-0a0b0c0d");
            ServiceHelper.startService(emitted);
            emitted.add("j0");
        }
        DatabaseSettings shared = TestDatabases.freshPostgres();
        try (ServiceState node = open(shared)) {
            assertThat(node.embedded()).isFalse();
            assertThat(node.jobInputs().getState("job-input|j1")).isEqualTo("inbox/p/.done/a.mha");
            IdempotentRepository emitted = node.componentStores().idempotentRepository("job-p-0a0b0c0d");
            ServiceHelper.startService(emitted);
            assertThat(emitted.contains("j0")).as("emitted by the single node").isTrue();
        }
        assertThat(folders.state().resolve("grandchallenge.mv.db")).doesNotExist();
        assertThat(folders.state().resolve("grandchallenge.mv.db.imported")).exists();
        assertThat(Files.readString(folders.state().resolve(SharedDatabaseMarker.FILE)))
                .contains(shared.describe()).doesNotContain("password");

        assertThatThrownBy(() -> open(DatabaseSettings.embedded(work)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("served by nodes with a shared database (" + shared.describe() + ")")
                .hasMessageContaining(DatabaseSettings.URL_ENV);
        assertThat(folders.state().resolve("grandchallenge.mv.db")).as("no new embedded database").doesNotExist();

        try (ServiceState again = open(shared)) {
            assertThat(again.jobInputs().getState("job-input|j1")).isEqualTo("inbox/p/.done/a.mha");
        }
    }

    private ServiceState open(DatabaseSettings settings) {
        return ServiceState.open(settings, new WorkFolders(work).create(), "localhost_8443", Duration.ofSeconds(30));
    }
}
