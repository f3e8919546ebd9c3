package io.github.camelgc.emulator.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every request the emulator answered, with counters per method, path pattern and status. */
public final class RequestLog {

    /**
     * One answered request.
     *
     * @param query   the raw query string, or {@code null} (presigned storage URLs carry their signature here)
     * @param pattern the route template, e.g. {@code /api/v1/algorithms/jobs/{pk}/}
     */
    public record Entry(Instant time, String method, String path, String query, String pattern, int status,
            long requestBytes, long responseBytes) {

        /** Whether the query string has {@code name=value} among its parameters. */
        public boolean hasParameter(String name, String value) {
            return query != null && java.util.Arrays.asList(query.split("&")).contains(name + "=" + value);
        }
    }

    /** Aggregated requests of one method, pattern and status. */
    public record Counter(String method, String pattern, int status, long requests, long requestBytes,
            long responseBytes) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    void record(Entry entry) {
        entries.add(entry);
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** How many logged requests match. */
    public long count(Predicate<Entry> filter) {
        return entries.stream().filter(filter).count();
    }

    /** How many requests had this method and route template. */
    public long count(String method, String pattern) {
        return count(e -> e.method().equals(method) && e.pattern().equals(pattern));
    }

    /** Counters, sorted by pattern, method and status. */
    public List<Counter> counters() {
        Map<String, Counter> byKey = new TreeMap<>();
        for (Entry e : entries) {
            String key = e.pattern() + " " + e.method() + " " + e.status();
            Counter old = byKey.get(key);
            byKey.put(key, old == null
                    ? new Counter(e.method(), e.pattern(), e.status(), 1, e.requestBytes(), e.responseBytes())
                    : new Counter(e.method(), e.pattern(), e.status(), old.requests() + 1,
                            old.requestBytes() + e.requestBytes(), old.responseBytes() + e.responseBytes()));
        }
        return new ArrayList<>(byKey.values());
    }

    public void clear() {
        entries.clear();
    }
}
