package io.github.camelgc.grandchallenge.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often one request may be repeated (what is repeated is {@link RetryRules}' business).
 *
 * @param maxRetries   retries after the first attempt
 * @param initialDelay the first backoff delay; it doubles on every retry
 * @param maxDelay     cap of any single delay, including a server's {@code Retry-After}
 * @param deadline     no retry starts later than this after the first attempt started
 */
public record RetryLimits(int maxRetries, Duration initialDelay, Duration maxDelay, Duration deadline) {

    /** The component's defaults: 8 retries from 200 ms, each at most 30 s, all within 2 minutes. */
    public static final RetryLimits DEFAULT = new RetryLimits(8, Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    public RetryLimits {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || deadline.isNegative()) {
            throw new IllegalArgumentException("retry delays and the retry deadline must not be negative");
        }
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxRetries + 1;
    }
}
