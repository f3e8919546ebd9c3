package io.github.camelgc.grandchallenge.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.camelgc.grandchallenge.metrics.ComponentMetrics;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpClient's retry strategy for the component: what is repeated comes from {@link RetryRules}, how often and how
 * long from {@link RetryLimits}. Delays double from {@code initialDelay}; a {@code Retry-After} (seconds or HTTP date)
 * replaces the backoff; every delay is capped by {@code maxDelay}; no retry starts after {@code deadline}, counted from
 * the first attempt (the transport records it in the request's {@link CallContext}). Every retry is logged at WARN:
 * the call (no query string), what failed, which attempt and when the next one starts.
 * <p>
 * Ours rather than {@code DefaultHttpRequestRetryStrategy} because that one waits a fixed interval without a cap on
 * {@code Retry-After} or an overall deadline, judges idempotency by method alone (a POST the platform refused with
 * 429/503 is safe to repeat) and gives up on every refused connection.
 */
public final class RequestRetryStrategy implements HttpRequestRetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRetryStrategy.class);

    private final RetryLimits limits;
    private final Clock clock;
    private final ComponentMetrics metrics;

    public RequestRetryStrategy(RetryLimits limits) {
        this(limits, ComponentMetrics.NONE);
    }

    /** @param metrics told about every retry, by cause */
    public RequestRetryStrategy(RetryLimits limits, ComponentMetrics metrics) {
        this(limits, Clock.systemUTC(), metrics);
    }

    RequestRetryStrategy(RetryLimits limits, Clock clock) {
        this(limits, clock, ComponentMetrics.NONE);
    }

    RequestRetryStrategy(RetryLimits limits, Clock clock, ComponentMetrics metrics) {
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        Instant now = clock.instant();
        CallContext call = CallContext.of(context, request, now);
        RetryRules.IoFailure kind = RetryRules.classify(exception);
        boolean allowed = kind == RetryRules.IoFailure.CONNECT
                          || kind == RetryRules.IoFailure.TRANSIENT && call.idempotent();
        int maxAttempts = kind == RetryRules.IoFailure.CONNECT
                ? Math.min(limits.maxAttempts(), RetryRules.CONNECT_ATTEMPTS) : limits.maxAttempts();
        Duration cap = kind == RetryRules.IoFailure.CONNECT
                ? min(limits.maxDelay(), Duration.ofMillis(RetryRules.CONNECT_MAX_DELAY_MILLIS)) : limits.maxDelay();
        return decide(call, allowed, execCount, maxAttempts, backoff(execCount), cap, now, describe(exception),
                kind == RetryRules.IoFailure.CONNECT ? "connect" : "io");
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        Instant now = clock.instant();
        CallContext call = CallContext.of(context, requestOf(context), now);
        int status = response.getCode();
        boolean allowed = RetryRules.retriedByClient(status, call.idempotent());
        Duration delay = allowed ? retryAfter(response, now).orElseGet(() -> backoff(execCount)) : Duration.ZERO;
        return decide(call, allowed, execCount, limits.maxAttempts(), delay, limits.maxDelay(), now,
                "answered HTTP " + status, Integer.toString(status));
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return TimeValue.of(CallContext.of(context, request, clock.instant()).nextDelay());
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.of(CallContext.of(context, requestOf(context), clock.instant()).nextDelay());
    }

    private boolean decide(CallContext call, boolean allowed, int failedAttempts, int maxAttempts, Duration wanted,
            Duration cap, Instant now, String failure, String cause) {
        if (!allowed || failedAttempts >= maxAttempts) {
            return false;
        }
        Duration delay = min(wanted, cap);
        if (now.plus(delay).isAfter(call.started().plus(limits.deadline()))) {
            LOG.debug("{} {}; not retrying: the retry deadline of {} ms would pass", call.description(), failure,
                    limits.deadline().toMillis());
            return false;
        }
        call.retryAfter(failedAttempts, delay);
        metrics.retried(cause);
        LOG.warn("{} {}; attempt {} of {} failed, next in {} ms", call.description(), failure, failedAttempts,
                maxAttempts, delay.toMillis());
        return true;
    }

    private Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(failedAttempts - 1, 30);
        long millis = limits.initialDelay().toMillis() * factor;
        return millis < 0 ? limits.maxDelay() : Duration.ofMillis(millis);
    }

    /** The Retry-After header as a delay from now: delta-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse response, Instant now) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null || header.getValue().isBlank()) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            Instant date = DateUtils.parseStandardDate(value);
            if (date == null) {
                return Optional.empty();
            }
            Duration until = Duration.between(now, date);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        }
    }

    private static HttpRequest requestOf(HttpContext context) {
        return context == null ? null : HttpCoreContext.cast(context).getRequest();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return "failed with " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
