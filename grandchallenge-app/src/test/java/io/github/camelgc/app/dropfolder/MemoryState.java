package io.github.camelgc.app.dropfolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelgc.grandchallenge.state.ListableStateRepository;
import org.apache.camel.support.service.ServiceSupport;

/** A listable state repository in memory, for unit tests of what keeps its state in one. */
final class MemoryState extends ServiceSupport implements ListableStateRepository {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public void setState(String key, String value) {
        if (value == null || value.isEmpty()) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @Override
    public String getState(String key) {
        return values.get(key);
    }

    @Override
    public List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }
}
