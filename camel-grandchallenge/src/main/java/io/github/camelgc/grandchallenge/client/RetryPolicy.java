package io.github.camelgc.grandchallenge.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.apache.hc.client5.http.utils.DateUtils;

/**
 * When and how long to wait before retrying a request.
 * <p>
 * Retries 429, 502, 503, 504 and 507 (gcapi's set; 500 is deliberately not retried because it is a server bug that
 * retries only amplify). Non-idempotent requests (POST) are retried only on 429 and 503, where the request was
 * refused before the application acted. I/O errors are retried for idempotent requests only (gcapi never retries
 * them). The delay grows exponentially from {@code initialDelay}; a {@code Retry-After} header (seconds or HTTP date)
 * replaces it; every delay is capped by {@code maxDelay}, and no retry starts after {@code deadline}.
 *
 * @param maxRetries   retries after the first attempt
 * @param initialDelay first backoff delay
 * @param maxDelay     cap for any single delay, including Retry-After
 * @param deadline     overall time budget for one request including its retries
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration deadline) {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504, 507);
    private static final Set<Integer> REFUSED_BEFORE_ACTING = Set.of(429, 503);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
    }

    /** Whether a response status is worth retrying for a request of the given idempotency. */
    public boolean isRetryableStatus(int status, boolean idempotent) {
        return idempotent ? RETRYABLE.contains(status) : REFUSED_BEFORE_ACTING.contains(status);
    }

    /**
     * The delay before retry number {@code retry} (1-based), or empty when retries or time are exhausted.
     *
     * @param retryAfter the response's Retry-After header, may be {@code null}
     * @param started    when the first attempt started
     */
    public Optional<Duration> delayBeforeRetry(int retry, String retryAfter, Instant started, Instant now) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        Duration delay = parseRetryAfter(retryAfter, now).orElseGet(() -> exponential(retry));
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        if (now.plus(delay).isAfter(started.plus(deadline))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private Duration exponential(int retry) {
        long factor = 1L << Math.min(retry - 1, 30);
        long millis = initialDelay.toMillis() * factor;
        return millis < 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            Instant date = DateUtils.parseStandardDate(value);
            if (date == null) {
                return Optional.empty();
            }
            Duration until = Duration.between(now, date);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        }
    }
}
