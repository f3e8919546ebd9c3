package io.github.camelgc.grandchallenge.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The component's Micrometer meters, and the one place their names and tags are defined (docs/component.md lists
 * them). Meters are registered on first use; Micrometer returns the same meter for the same name and tags.
 */
public final class MicrometerMetrics implements ComponentMetrics {

    /** Jobs the platform accepted, tag {@code algorithm}. */
    public static final String JOBS_SUBMITTED = "grandchallenge.jobs.submitted";
    /** Jobs a consumer handed on as {@code Succeeded}, tag {@code algorithm}. */
    public static final String JOBS_SUCCEEDED = "grandchallenge.jobs.succeeded";
    /** Jobs a consumer handed on as failed, tags {@code algorithm} and {@code status} (Failed, Cancelled, TimedOut). */
    public static final String JOBS_FAILED = "grandchallenge.jobs.failed";
    /** Bytes of each completed upload. */
    public static final String UPLOAD_BYTES = "grandchallenge.upload.bytes";
    /** Time of each completed upload. */
    public static final String UPLOAD_DURATION = "grandchallenge.upload.duration";
    /** Bytes read of each downloaded file. */
    public static final String DOWNLOAD_BYTES = "grandchallenge.download.bytes";
    /** Time from opening a download to closing its stream. */
    public static final String DOWNLOAD_DURATION = "grandchallenge.download.duration";
    /** Time of each job consumer poll, tag {@code algorithm}. */
    public static final String POLL_DURATION = "grandchallenge.poll.duration";
    /** Exchanges made by each job consumer poll, tag {@code algorithm}. */
    public static final String POLL_JOBS = "grandchallenge.poll.jobs";
    /** Waits after "too many active jobs", tag {@code algorithm}. */
    public static final String BACKPRESSURE_WAITS = "grandchallenge.backpressure.waits";
    /** Requests repeated by the client, tag {@code cause} (an HTTP status, {@code connect} or {@code io}). */
    public static final String HTTP_RETRIES = "grandchallenge.http.retries";

    private final MeterRegistry registry;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meter registry of a Camel registry: the only one, or the composite one among several. */
    static Optional<ComponentMetrics> lookup(CamelContext camelContext) {
        Set<MeterRegistry> registries = camelContext.getRegistry().findByType(MeterRegistry.class);
        if (registries.isEmpty()) {
            return Optional.empty();
        }
        MeterRegistry chosen = registries.size() == 1 ? registries.iterator().next()
                : registries.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst()
                        .orElse(registries.iterator().next());
        return Optional.of(new MicrometerMetrics(chosen));
    }

    @Override
    public void jobSubmitted(String algorithm) {
        Counter.builder(JOBS_SUBMITTED).description("Jobs the platform accepted").tag("algorithm", tag(algorithm))
                .register(registry).increment();
    }

    @Override
    public void jobFinished(String algorithm, String status, boolean timedOut) {
        if (!timedOut && "Succeeded".equalsIgnoreCase(status)) {
            Counter.builder(JOBS_SUCCEEDED).description("Jobs handed on as Succeeded")
                    .tag("algorithm", tag(algorithm)).register(registry).increment();
        } else {
            Counter.builder(JOBS_FAILED).description("Jobs handed on as failed, cancelled or timed out")
                    .tag("algorithm", tag(algorithm)).tag("status", timedOut ? "TimedOut" : tag(status))
                    .register(registry).increment();
        }
    }

    @Override
    public void uploaded(long bytes, Duration took) {
        DistributionSummary.builder(UPLOAD_BYTES).description("Bytes of each completed upload").baseUnit("bytes")
                .register(registry).record(bytes);
        Timer.builder(UPLOAD_DURATION).description("Time of each completed upload").register(registry).record(took);
    }

    @Override
    public void downloaded(long bytes, Duration took) {
        DistributionSummary.builder(DOWNLOAD_BYTES).description("Bytes read of each downloaded file")
                .baseUnit("bytes").register(registry).record(bytes);
        Timer.builder(DOWNLOAD_DURATION).description("Time from opening a download to closing it").register(registry)
                .record(took);
    }

    @Override
    public void polled(String algorithm, Duration took, int jobs) {
        Timer.builder(POLL_DURATION).description("Time of each job list poll").tag("algorithm", tag(algorithm))
                .register(registry).record(took);
        DistributionSummary.builder(POLL_JOBS).description("Exchanges made by each job list poll")
                .tag("algorithm", tag(algorithm)).register(registry).record(jobs);
    }

    @Override
    public void backPressureWait(String algorithm) {
        Counter.builder(BACKPRESSURE_WAITS).description("Waits after the platform answered 'too many active jobs'")
                .tag("algorithm", tag(algorithm)).register(registry).increment();
    }

    @Override
    public void retried(String cause) {
        Counter.builder(HTTP_RETRIES).description("Requests repeated by the client").tag("cause", tag(cause))
                .register(registry).increment();
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    @Override
    public String toString() {
        return "MicrometerMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
