package io.github.camelgc.grandchallenge.state;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.client.Json;
import org.apache.camel.spi.StateRepository;

/**
 * Reads and writes JSON objects as the values of a {@link StateRepository}: the one place that decides how the
 * component's state is encoded.
 * <p>
 * {@code StateRepository} has no remove operation, so an empty value means "no state": {@link #clear} writes one, and
 * stores may delete the key when they see it (the service's JDBC store does). A value that does not parse is treated
 * as absent rather than failing every poll: state is a cache of what the platform knows, never the only copy.
 */
public final class JsonState {

    private final StateRepository<String, String> repository;

    public JsonState(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    /** The object stored under {@code key}, if any. */
    public Optional<ObjectNode> get(String key) {
        String value = repository.getState(key);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(value);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code value} under {@code key}. */
    public void put(String key, ObjectNode value) {
        try {
            repository.setState(key, Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the state of " + key, e);
        }
    }

    /** Forgets {@code key}. */
    public void clear(String key) {
        if (repository.getState(key) != null && !repository.getState(key).isEmpty()) {
            repository.setState(key, "");
        }
    }

    /** A new empty object to fill and {@link #put}. */
    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** The repository behind this view. */
    public StateRepository<String, String> repository() {
        return repository;
    }
}
