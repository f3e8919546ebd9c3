package io.github.camelgc.emulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An archive item: one case, with at most one value per socket. Thread-safe. */
public final class ArchiveItem {

    private final String pk;
    private final Archive archive;
    private final Map<String, SocketValue> values = new LinkedHashMap<>();
    private String title;

    public ArchiveItem(String pk, Archive archive, String title) {
        this.pk = pk;
        this.archive = archive;
        this.title = title;
    }

    public String pk() {
        return pk;
    }

    public Archive archive() {
        return archive;
    }

    public synchronized String title() {
        return title;
    }

    public synchronized void title(String newTitle) {
        title = newTitle;
    }

    public synchronized List<SocketValue> values() {
        return new ArrayList<>(values.values());
    }

    /** Replaces the value of the value's socket. */
    public synchronized void put(SocketValue value) {
        values.put(value.socket().slug(), value);
    }

    /** Keeps only the values of these sockets (a PUT's full update). */
    public synchronized void retainSockets(Set<String> slugs) {
        values.keySet().retainAll(slugs);
    }
}
