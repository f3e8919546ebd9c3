package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.allComplete;
import static io.github.camelgc.app.reliability.Reliability.dropScans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelgc.app.GrandChallengeApp;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service processes on one work folder with the embedded database (an operator starting the service twice): the
 * second is refused at start with exit code 1 and a message saying why and how to configure a shared database; the
 * first one keeps working.
 */
class SecondProcessIT {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path temp;

    private ServiceNode first;

    @AfterEach
    void stop() throws InterruptedException {
        if (first != null) {
            first.kill();
        }
    }

    @Test
    void aSecondProcessOnAWorkFolderWithTheEmbeddedDatabaseIsRefused() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        first = ServiceNode.start("first", gc, work, temp, Map.of());
        await().atMost(Duration.ofMinutes(1)).until(first::started);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> GrandChallengeApp.run(
                new String[] {"--work-dir", work.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; standard error: %s", message).isEqualTo(1);
        assertThat(message).startsWith("grandchallenge-app: Another service process is using this work folder")
                .contains("grandchallenge.database.url=jdbc:postgresql://", "GRAND_CHALLENGE_DATABASE_URL",
                        "docs/deployment.md")
                .doesNotContain("\tat ", "Exception");

        Path inbox = new WorkFolders(work).inbox(WorkFolders.LOBES);
        Path outbox = new WorkFolders(work).outbox(WorkFolders.LOBES);
        List<String> names = dropScans(inbox, "s", 2);
        await().atMost(Duration.ofMinutes(1)).until(() -> allComplete(inbox, outbox, names));
        assertThat(first.alive()).as("the first process still runs").isTrue();
    }
}
