package io.github.camelgc.grandchallenge.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void retriesGatewayAndThrottlingStatusesForIdempotentRequestsOnly() {
        assertThat(policy.isRetryableStatus(503, true)).isTrue();
        assertThat(policy.isRetryableStatus(502, true)).isTrue();
        assertThat(policy.isRetryableStatus(500, true)).as("500 is a server bug; retrying amplifies it").isFalse();
        assertThat(policy.isRetryableStatus(400, true)).isFalse();
        assertThat(policy.isRetryableStatus(502, false)).as("the server may have acted on a POST").isFalse();
        assertThat(policy.isRetryableStatus(429, false)).isTrue();
    }

    @Test
    void backsOffExponentiallyAndStopsAfterMaxRetries() {
        assertThat(policy.delayBeforeRetry(1, null, now, now)).contains(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, null, now, now)).contains(Duration.ofMillis(200));
        assertThat(policy.delayBeforeRetry(3, null, now, now)).contains(Duration.ofMillis(400));
        assertThat(policy.delayBeforeRetry(4, null, now, now)).isEmpty();
    }

    @Test
    void honoursRetryAfterSecondsAndDatesButCapsThem() {
        assertThat(policy.delayBeforeRetry(1, "2", now, now)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayBeforeRetry(1, "3600", now, now)).contains(Duration.ofSeconds(5));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atZone(ZoneOffset.UTC));
        assertThat(policy.delayBeforeRetry(1, date, now, now)).contains(Duration.ofSeconds(3));
        assertThat(policy.delayBeforeRetry(1, "garbage", now, now)).contains(Duration.ofMillis(100));
    }

    @Test
    void neverRetriesPastTheDeadline() {
        Instant started = now.minusSeconds(29);
        assertThat(policy.delayBeforeRetry(1, "4", started, now)).isEmpty();
    }
}
