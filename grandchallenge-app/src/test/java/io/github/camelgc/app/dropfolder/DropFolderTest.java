package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {

    @TempDir
    Path work;

    private Path ledgerFile() {
        return work.resolve("state/jobs.properties");
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

        new DropFolder(new JobLedger(ledgerFile(), work)).accepted(exchange);

        assertThat(scan).doesNotExist();
        assertThat(work.resolve("inbox/.done/case01.mha")).hasContent("x");
        DropFolder afterRestart = new DropFolder(new JobLedger(ledgerFile(), work));
        assertThat(afterRestart.inputOf("job-1")).contains(work.resolve("inbox/.done/case01.mha"));
        assertThat(afterRestart.inputOf("job-2")).isEmpty();
    }

    @Test
    void permanentFailureMovesInputToFailedWithAReadableReason() throws Exception {
        Path scan = Files.writeString(Files.createDirectories(work.resolve("inbox")).resolve("notes.mha"), "x");
        Exchange exchange = exchangeFor(scan);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new InputRejectedException("'notes.mha' is not a MetaImage: no NDims line"));

        new DropFolder(new JobLedger(ledgerFile(), work)).failed(exchange);

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
        DropFolder dropFolder = new DropFolder(new JobLedger(ledgerFile(), work));
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
        DropFolder dropFolder = new DropFolder(new JobLedger(ledgerFile(), work));
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
}
