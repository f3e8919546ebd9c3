package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.state.FileStateStore;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {

    @TempDir
    Path work;

    private final java.util.List<FileStateStore> stores = new java.util.ArrayList<>();

    /** A drop folder whose job inputs live in a state file in the work folder, as in the service. */
    private DropFolder dropFolder() {
        FileStateStore store = new FileStateStore(work.resolve("state/job-inputs.json"));
        ServiceHelper.startService(store);
        stores.add(store);
        return new DropFolder(new JobInputs(store, work), new RetryBackoff(Duration.ofSeconds(1),
                Duration.ofSeconds(8), java.time.Clock.systemUTC()), Duration.ofHours(24));
    }

    @AfterEach
    void closeStores() {
        stores.forEach(ServiceHelper::stopService);
    }

    private Exchange exchangeFor(Path file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        return exchange;
    }

    @Test
    void acceptedInputMovesToDoneAndIsRememberedAcrossRestarts() throws Exception {
        Path scan = Files.writeString(Files.createDirectories(work.resolve("inbox")).resolve("case01.mha"), "x");
        Exchange exchange = exchangeFor(scan);
        exchange.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-1");

        DropFolder first = dropFolder();
        first.accepted(exchange);

        assertThat(scan).doesNotExist();
        assertThat(work.resolve("inbox/.done/case01.mha")).hasContent("x");
        closeStores();
        DropFolder afterRestart = dropFolder();
        assertThat(afterRestart.inputOf("job-1")).contains(work.resolve("inbox/.done/case01.mha"));
        assertThat(afterRestart.inputOf("job-2")).isEmpty();
    }

    @Test
    void permanentFailureMovesInputToFailedWithAReadableReason() throws Exception {
        Path scan = Files.writeString(Files.createDirectories(work.resolve("inbox")).resolve("notes.mha"), "x");
        Exchange exchange = exchangeFor(scan);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new InputRejectedException("'notes.mha' is not a MetaImage: no NDims line"));

        dropFolder().failed(exchange);

        assertThat(work.resolve("inbox/.failed/notes.mha")).hasContent("x");
        String reason = Files.readString(work.resolve("inbox/.failed/notes.mha.error.txt"));
        assertThat(reason).startsWith("'notes.mha' is not a MetaImage: no NDims line")
                .contains("drop it into the inbox again")
                .doesNotContain("Exception")
                .doesNotContain("at io.github");
    }

    @Test
    void jobThatFailsLaterSendsItsInputFromDoneToFailed() throws Exception {
        Path scan = Files.writeString(Files.createDirectories(work.resolve("inbox")).resolve("case01.mha"), "x");
        DropFolder dropFolder = dropFolder();
        Exchange submitted = exchangeFor(scan);
        submitted.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-7");
        dropFolder.accepted(submitted);

        Exchange finished = new DefaultExchange(new DefaultCamelContext());
        finished.getMessage().setBody(new Job("job-7", "https://gc.example/jobs/job-7/", null, null, null,
                List.of(), List.of(), "Cancelled", null, null));
        dropFolder.jobFailed(finished);

        assertThat(work.resolve("inbox/.done/case01.mha")).doesNotExist();
        assertThat(work.resolve("inbox/.failed/case01.mha")).exists();
        assertThat(Files.readString(work.resolve("inbox/.failed/case01.mha.error.txt")))
                .contains("cancelled job job-7").contains("cannot import an input image");
    }

    @Test
    void aRepeatedInputKeepsItsNameInDoneAndTheOlderOneIsKeptAside() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        DropFolder dropFolder = dropFolder();
        for (String job : new String[] {"job-a", "job-b"}) {
            Path scan = Files.writeString(inbox.resolve("case01.mha"), job);
            Exchange exchange = exchangeFor(scan);
            exchange.getMessage().setHeader(GrandChallengeConstants.JOB_ID, job);
            dropFolder.accepted(exchange);
        }

        assertThat(work.resolve("inbox/.done/case01.mha")).hasContent("job-b");
        assertThat(dropFolder.inputOf("job-b")).contains(work.resolve("inbox/.done/case01.mha"));
        try (var done = Files.list(work.resolve("inbox/.done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).hasSize(2)
                    .anyMatch(name -> name.matches("case01\\.mha-\\d+"));
        }
    }

    @Test
    void aJobsEntryIsDroppedOnceItsOutcomeWasDealtWith() throws Exception {
        Path scan = Files.writeString(Files.createDirectories(work.resolve("inbox")).resolve("case01.mha"), "x");
        DropFolder dropFolder = dropFolder();
        Exchange submitted = exchangeFor(scan);
        submitted.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-3");
        dropFolder.accepted(submitted);
        Exchange stored = new DefaultExchange(new DefaultCamelContext());
        stored.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-3");
        dropFolder.resultsStored(stored);
        assertThat(dropFolder.inputOf("job-3")).isEmpty();
        closeStores();
        assertThat(dropFolder().inputOf("job-3")).as("also after a restart").isEmpty();
    }

    @Test
    void aJobWhoseResultsAreStoredWhileItsInputCannotReachDoneIsNotLeftOpen() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path obstacle = Files.writeString(inbox.resolve(".done"), "a file where the folder must be");
        Path scan = Files.writeString(inbox.resolve("case01.mha"), "x");
        DropFolder dropFolder = dropFolder();
        Exchange submitted = exchangeFor(scan);
        submitted.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-5");

        assertThatThrownBy(() -> dropFolder.accepted(submitted)).isInstanceOf(DiskProblem.class)
                .hasMessage("cannot move it to .done/: a file of that name is in the way");
        assertThat(scan).as("the input keeps its place").exists();
        assertThat(dropFolder.inputOf("job-5")).as("results are still named after it").contains(scan);

        Exchange stored = new DefaultExchange(new DefaultCamelContext());
        stored.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-5");
        dropFolder.resultsStored(stored);
        assertThat(dropFolder.openJobs()).as("its outcome was dealt with").isEmpty();

        Files.delete(obstacle);
        submitted.getMessage().setHeader(GrandChallengeConstants.JOB_EXISTING, true);
        dropFolder.accepted(submitted);
        assertThat(work.resolve("inbox/.done/case01.mha")).exists();
        assertThat(dropFolder.openJobs()).as("adopting it later does not open it again").isEmpty();
        assertThat(dropFolder.inputOf("job-5")).isEmpty();
    }

    @Test
    void theLedgerOfAnEarlierVersionIsImportedOnce() throws Exception {
        Path legacy = Files.createDirectories(work.resolve("state")).resolve("jobs.properties");
        Files.writeString(legacy, "job-9=inbox/.done/old.mha\nopen\\:job-9=1700000000000\nsubmitting\\:inbox/x.mha=3\n");
        FileStateStore store = new FileStateStore(work.resolve("state/job-inputs.json"));
        ServiceHelper.startService(store);
        stores.add(store);
        JobInputs jobs = new JobInputs(store, work);
        jobs.importLegacy(legacy);
        assertThat(jobs.input("job-9")).contains(work.resolve("inbox/.done/old.mha"));
        assertThat(legacy).doesNotExist();
        assertThat(work.resolve("state/jobs.properties.imported")).exists();
    }

    @Test
    void aRetryableFailurePausesTheInputLongerEachTime() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), clock);
        Path scan = work.resolve("inbox/case01.mha");
        assertThat(backoff.mayTry(scan)).isTrue();
        assertThat(backoff.failed(scan)).hasSeconds(1);
        assertThat(backoff.mayTry(scan)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.mayTry(scan)).isTrue();
        assertThat(backoff.failed(scan)).hasSeconds(2);
        assertThat(backoff.failed(scan)).hasSeconds(4);
        assertThat(backoff.failed(scan)).as("capped").hasSeconds(4);
        backoff.succeeded(scan);
        assertThat(backoff.mayTry(scan)).isTrue();
    }
}
