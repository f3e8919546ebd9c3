package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsoleOnceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ConsoleOnce console = new ConsoleOnce(clock, Duration.ofMinutes(30));

    @Test
    void aStateIsNewsOncePerSubjectWhileItRecurs() {
        assertThat(console.isNews("a.mha", "disk")).isTrue();
        for (int poll = 0; poll < 100; poll++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(console.isNews("a.mha", "disk")).as("poll %s", poll).isFalse();
        }
        assertThat(console.isNews("b.mha", "disk")).as("another subject").isTrue();
    }

    @Test
    void aChangedStateIsNewsAndSoIsOneThatCameBackAfterAQuietSpell() {
        assertThat(console.isNews("a.mha", "disk")).isTrue();
        assertThat(console.isNews("a.mha", "platform 503")).isTrue();
        assertThat(console.isNews("a.mha", "disk")).isTrue();
        clock.advance(Duration.ofMinutes(31));
        assertThat(console.isNews("a.mha", "disk")).as("said again after a quiet spell").isTrue();
    }

    @Test
    void aSubjectWithAFateStartsAfresh() {
        assertThat(console.isNews("a.mha", "failed")).isTrue();
        console.forget("a.mha");
        assertThat(console.isNews("a.mha", "failed")).isTrue();
    }

    @Test
    void itIsBounded() {
        for (int i = 0; i < ConsoleOnce.CAPACITY + 10; i++) {
            console.isNews("input-" + i, "x");
        }
        assertThat(console.isNews("input-0", "x")).as("the oldest subject was forgotten").isTrue();
        assertThat(console.isNews("input-" + (ConsoleOnce.CAPACITY + 9), "x")).isFalse();
    }
}
