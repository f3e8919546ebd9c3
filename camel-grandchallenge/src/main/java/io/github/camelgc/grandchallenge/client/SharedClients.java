package io.github.camelgc.grandchallenge.client;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reference-counted clients, so endpoints with equal {@link ClientSettings} share one connection pool and one upload
 * pool. The last {@link #release(ClientSettings)} closes the client.
 */
public final class SharedClients {

    private final Map<ClientSettings, Entry> clients = new HashMap<>();

    private static final class Entry {
        private final GrandChallengeClient client;
        private int references;

        private Entry(GrandChallengeClient client) {
            this.client = client;
        }
    }

    /** Returns the client for {@code settings}, creating it with {@code factory} on first use. */
    public synchronized GrandChallengeClient acquire(ClientSettings settings, Supplier<GrandChallengeClient> factory) {
        Entry entry = clients.computeIfAbsent(settings, k -> new Entry(factory.get()));
        entry.references++;
        return entry.client;
    }

    /** Releases one reference; closes the client when none remain. */
    public synchronized void release(ClientSettings settings) {
        Entry entry = clients.get(settings);
        if (entry != null && --entry.references <= 0) {
            clients.remove(settings);
            HttpTransport.closeQuietly(entry.client);
        }
    }

    /** Closes every client (component shutdown). */
    public synchronized void closeAll() {
        clients.values().forEach(e -> HttpTransport.closeQuietly(e.client));
        clients.clear();
    }
}
