package io.github.camelgc.app.platform;

import java.util.Optional;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The Grand Challenge instance the service talks to: grand-challenge.org (or another configured instance), or the
 * embedded emulator. Closing it stops the emulator, if one was started.
 */
public interface Platform extends AutoCloseable {

    /** The API root, ending in {@code /api/v1/}. */
    String baseUrl();

    /** The API token; a secret, never logged. */
    String token();

    /** Explicit TLS trust for this platform, or empty to use the JVM's default trust store. */
    Optional<SSLContextParameters> trust();

    /** Whether this is the embedded emulator rather than a real platform. */
    boolean embedded();

    @Override
    default void close() {
        // nothing to release for a remote platform
    }
}
