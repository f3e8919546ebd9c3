package io.github.camelgc.emulator.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * For the next {@code times} requests matching a method and path pattern: answer a status (with an
 * optional {@code Retry-After}), add latency before or after handling, or drop the connection mid-body. The path pattern is
 * either a route template (e.g. {@code /api/v1/algorithms/jobs/{pk}/}) or a glob on the request path
 * where {@code *} matches anything.
 */
public final class FaultRule {

    private final String method;
    private final String pathPattern;
    private final Pattern glob;
    private final AtomicInteger remaining;
    private final int status;
    private final String retryAfter;
    private final Duration latency;
    private final boolean dropConnection;
    private final Duration answerDelay;

    private FaultRule(Builder b) {
        this.method = b.method.toUpperCase(Locale.ROOT);
        this.pathPattern = b.pathPattern;
        this.glob = Pattern.compile(Pattern.quote(b.pathPattern).replace("*", "\\E.*\\Q"));
        this.remaining = new AtomicInteger(b.times);
        this.status = b.status;
        this.retryAfter = b.retryAfter;
        this.latency = b.latency;
        this.dropConnection = b.dropConnection;
        this.answerDelay = b.answerDelay;
    }

    /** Starts a rule for requests with this method ({@code *} for any) and path pattern. */
    public static Builder matching(String method, String pathPattern) {
        return new Builder(method, pathPattern);
    }

    boolean matches(String requestMethod, String path, String template) {
        return (method.equals("*") || method.equals(requestMethod))
                && (pathPattern.equals(template) || glob.matcher(path).matches());
    }

    /** Takes one use of the rule; false when it is used up. */
    boolean claim() {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public int remaining() {
        return remaining.get();
    }

    /** The status to answer instead of the real one, or 0 to answer normally. */
    public int status() {
        return status;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public Duration latency() {
        return latency;
    }

    public boolean dropConnection() {
        return dropConnection;
    }

    /** How long the answer is held back after the request was handled (the server has acted already). */
    public Duration answerDelay() {
        return answerDelay;
    }

    @Override
    public String toString() {
        return "FaultRule[" + method + " " + pathPattern + " remaining=" + remaining + " status=" + status
                + " retryAfter=" + retryAfter + " latency=" + latency + " drop=" + dropConnection
                + " answerDelay=" + answerDelay + "]";
    }

    /** Builds a {@link FaultRule}. */
    public static final class Builder {
        private final String method;
        private final String pathPattern;
        private int times = 1;
        private int status;
        private String retryAfter;
        private Duration latency = Duration.ZERO;
        private boolean dropConnection;
        private Duration answerDelay = Duration.ZERO;

        private Builder(String method, String pathPattern) {
            this.method = method;
            this.pathPattern = pathPattern;
        }

        /** How many matching requests the rule affects (default 1). */
        public Builder times(int times) {
            this.times = times;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Adds {@code Retry-After} (seconds or an HTTP date) to the injected status. */
        public Builder retryAfter(String retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Sends half of the real response body (or nothing, for empty answers), then closes the connection. */
        public Builder dropConnection() {
            this.dropConnection = true;
            return this;
        }

        /**
         * Handles the request normally, then holds the answer back for this long: the server has acted (e.g. created
         * the job) while the client still waits, the window in which a client crash leaves it not knowing.
         */
        public Builder answerDelay(Duration delay) {
            this.answerDelay = delay;
            return this;
        }

        public FaultRule build() {
            return new FaultRule(this);
        }
    }
}
