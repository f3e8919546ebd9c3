package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.producer.OutOfCredits;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of an algorithm that is out of credits stay in the inbox: one is tried at each check, the others once
 * credits are back; an archive item (no file) is simply not failed.
 */
class CreditsWaitTest {

    private static final Duration CHECK = Duration.ofMinutes(15);
    private static final Instant SINCE = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path work;

    private final MutableClock clock = new MutableClock(SINCE);
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), clock);
    private DropFolder dropFolder;

    @BeforeEach
    void dropFolder() {
        dropFolder = new DropFolder(new JobInputs(new MemoryState(), work), backoff, Duration.ofHours(24));
    }

    private static GrandChallengeOutOfCreditsException outOfCredits(Instant nextCheck) {
        return new GrandChallengeOutOfCreditsException("lobes", SINCE, nextCheck, List.of(), false);
    }

    private Exchange refused(Path input, GrandChallengeOutOfCreditsException failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (input != null) {
            exchange.getMessage().setHeader(Exchange.FILE_PATH, input.toString());
        } else {
            exchange.getMessage().setHeader(GrandChallengeConstants.ARCHIVE_ITEM_ID, "item-1");
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        dropFolder.retryLater(exchange);
        return exchange;
    }

    private Path scan(String name) throws Exception {
        return Files.writeString(Files.createDirectories(work.resolve("inbox/lobes")).resolve(name), "x");
    }

    @Test
    void oneInputIsTriedAtEachCheckAndAllGoOnceCreditsAreBack() throws Exception {
        Path first = scan("a.mha");
        Path second = scan("b.mha");
        Path third = scan("c.mha");
        for (Path input : List.of(first, second, third)) {
            refused(input, outOfCredits(SINCE.plus(CHECK)));
        }
        refused(null, outOfCredits(SINCE.plus(CHECK)));
        assertThat(List.of(first, second, third)).allMatch(Files::exists).noneMatch(backoff::mayTry);
        assertThat(work.resolve("inbox/lobes/.failed")).doesNotExist();

        clock.advance(CHECK);
        assertThat(backoff.mayTry(first)).as("the prober, at the check").isTrue();
        assertThat(backoff.mayTry(second)).isFalse();
        refused(first, outOfCredits(clock.instant().plus(CHECK)));
        assertThat(backoff.mayTry(first)).as("still out: until the next check").isFalse();

        Files.delete(first);
        clock.advance(CHECK);
        assertThat(backoff.mayTry(second)).as("another input takes the prober's turn").isTrue();
        assertThat(backoff.mayTry(third)).isFalse();

        backoff.creditsWait().creditsAvailable(new OutOfCredits.Status(URI.create("https://gc.example/api/v1/"),
                "lobes", SINCE, clock.instant()));
        assertThat(backoff.mayTry(second)).isTrue();
        assertThat(backoff.mayTry(third)).isTrue();
    }

    @Test
    void theProbersJobEndsTheWaitOfTheOthers() throws Exception {
        Path first = scan("a.mha");
        Path second = scan("b.mha");
        refused(first, outOfCredits(SINCE.plus(CHECK)));
        refused(second, outOfCredits(SINCE.plus(CHECK)));
        clock.advance(CHECK);
        Exchange accepted = new DefaultExchange(new DefaultCamelContext());
        accepted.getMessage().setHeader(Exchange.FILE_PATH, first.toString());
        accepted.getMessage().setHeader(GrandChallengeConstants.JOB_ID, "job-1");
        dropFolder.accepted(accepted);
        assertThat(work.resolve("inbox/lobes/.done/a.mha")).exists();
        assertThat(backoff.mayTry(second)).isTrue();
    }

    @Test
    void aCheckDueWhileAnotherRunsPausesTheProberBriefly() throws Exception {
        Path first = scan("a.mha");
        // the component answered "out" with a check already due (another submission is making it)
        refused(first, outOfCredits(SINCE));
        assertThat(backoff.mayTry(first)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.mayTry(first)).isTrue();
    }
}
