package io.github.camelgc.grandchallenge.metrics;

import java.time.Duration;

import org.apache.camel.CamelContext;

/**
 * What the component reports about its work, called from the places that decide it (a job accepted, a job emitted
 * as final, an upload completed, a download read, a poll, a back-pressure wait, a request retried). The default
 * methods record nothing: {@link #NONE} costs nothing when no meter registry is present.
 */
public interface ComponentMetrics {

    /** Records nothing. */
    ComponentMetrics NONE = new ComponentMetrics() {
        @Override
        public String toString() {
            return "ComponentMetrics.NONE";
        }
    };

    /** The platform accepted a job this component posted. */
    default void jobSubmitted(String algorithm) {
    }

    /**
     * A job consumer handed on a final job (its exchange completed): {@code Succeeded} counts as succeeded, every
     * other final status, and a job given up on after {@code jobTimeout} ({@code timedOut}), as failed.
     */
    default void jobFinished(String algorithm, String status, boolean timedOut) {
    }

    /** A file was uploaded completely (all parts accepted, the upload completed). */
    default void uploaded(long bytes, Duration took) {
    }

    /** A downloaded file's stream was closed after {@code bytes} were read. */
    default void downloaded(long bytes, Duration took) {
    }

    /** A job consumer polled the job list and made {@code jobs} exchanges. */
    default void polled(String algorithm, Duration took, int jobs) {
    }

    /** A submission waits because the platform answered "too many active jobs". */
    default void backPressureWait(String algorithm) {
    }

    /**
     * HttpClient repeats a request; {@code cause} is the HTTP status ({@code "503"}) or the kind of I/O failure
     * ({@code "connect"}, {@code "io"}).
     */
    default void retried(String cause) {
    }

    /**
     * The metrics of a Camel context: Micrometer meters in its {@code MeterRegistry} bean when Micrometer is on the
     * classpath and the registry holds one (a composite one when there are several), else {@link #NONE}.
     */
    static ComponentMetrics lookup(CamelContext camelContext) {
        if (camelContext == null || !MicrometerPresence.PRESENT) {
            return NONE;
        }
        return MicrometerMetrics.lookup(camelContext).orElse(NONE);
    }
}
