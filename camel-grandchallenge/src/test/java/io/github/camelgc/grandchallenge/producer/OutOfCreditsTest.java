package io.github.camelgc.grandchallenge.producer;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.camelgc.grandchallenge.LogCapture;
import io.github.camelgc.grandchallenge.client.ApiToken;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's states: out since the first refusal, one check at a time when due, listeners told of changes. */
class OutOfCreditsTest {

    private static final URI PLATFORM = URI.create("https://gc.example/api/v1/");
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    private Instant now = Instant.parse("2025-03-01T10:00:00Z");
    private final OutOfCredits register = new OutOfCredits(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });
    private final OutOfCredits.Key alice = new OutOfCredits.Key(PLATFORM, ApiToken.of("a".repeat(40)), "algo");
    private final OutOfCredits.Key bob = new OutOfCredits.Key(PLATFORM, ApiToken.of("b".repeat(40)), "algo");

    @Test
    void outSinceTheFirstRefusalWithOneCheckAtATimeOnceDue() {
        try (LogCapture log = LogCapture.of(Level.INFO, OutOfCredits.class.getName())) {
            walkThroughTheStates();
            assertThat(log.text().lines()).as("each change said once").hasSize(2);
        }
    }

    private void walkThroughTheStates() {
        List<String> changes = new ArrayList<>();
        register.addListener(new OutOfCredits.Listener() {
            @Override
            public void outOfCredits(OutOfCredits.Status status) {
                changes.add("out since " + status.since());
            }

            @Override
            public void creditsAvailable(OutOfCredits.Status was) {
                changes.add("available, was out since " + was.since());
            }
        });
        Instant first = now;
        assertThat(register.decide(alice)).isEqualTo(OutOfCredits.Decision.SUBMIT);
        OutOfCredits.Status status = register.refused(alice, INTERVAL);
        assertThat(status.since()).isEqualTo(first);
        assertThat(status.nextCheck()).isEqualTo(first.plus(INTERVAL));
        assertThat(register.decide(alice)).isEqualTo(OutOfCredits.Decision.WAIT);
        assertThat(register.decide(bob)).as("another user's credits").isEqualTo(OutOfCredits.Decision.SUBMIT);
        assertThat(register.status(PLATFORM, ApiToken.of("a".repeat(40)), "algo")).contains(status);

        now = now.plus(INTERVAL);
        assertThat(register.decide(alice)).isEqualTo(OutOfCredits.Decision.RECHECK);
        assertThat(register.decide(alice)).as("one check at a time").isEqualTo(OutOfCredits.Decision.WAIT);
        OutOfCredits.Status still = register.refused(alice, INTERVAL);
        assertThat(still.since()).isEqualTo(first);
        assertThat(still.nextCheck()).isEqualTo(now.plus(INTERVAL));

        now = now.plus(INTERVAL);
        assertThat(register.decide(alice)).isEqualTo(OutOfCredits.Decision.RECHECK);
        register.unsettled(alice);
        assertThat(register.decide(alice)).as("an inconclusive check leaves the next one due")
                .isEqualTo(OutOfCredits.Decision.RECHECK);
        register.available(alice);
        register.available(alice);
        assertThat(register.decide(alice)).isEqualTo(OutOfCredits.Decision.SUBMIT);
        assertThat(register.status(PLATFORM, ApiToken.of("a".repeat(40)), "algo")).isEmpty();
        assertThat(changes).as("each change once").containsExactly("out since " + first,
                "available, was out since " + first);
    }

    @Test
    void theKeyNeverPrintsTheToken() {
        assertThat(alice.toString()).doesNotContain("a".repeat(40));
    }
}
