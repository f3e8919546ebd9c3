package io.github.camelgc.grandchallenge.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.state.JsonState;

/**
 * Where a consumer stands in what it follows, as stored in its offset repository.
 *
 * @param followed  the platform's id (pk) of the followed algorithm or archive: if the platform answers with another
 *                  id for the same slug, the saved position belongs to another platform (or a reset one)
 * @param offset    the list index below which every job is final and handled
 * @param anchor    the pk of the job at {@code offset - 1}; reading from there first proves that the list is still the
 *                  one the offset was counted in
 * @param open      unfinished jobs this consumer has seen, with the time it first saw each (the platform's job
 *                  serializer has no creation time), for the job timeout; only jobs after {@code offset}, so the
 *                  map stays as small as the number of active jobs
 */
record PollPosition(String followed, long offset, String anchor, Map<String, Long> open) {

    PollPosition {
        open = Map.copyOf(open);
    }

    /** The position before anything was read. */
    static PollPosition start(String followed) {
        return new PollPosition(followed, 0, null, Map.of());
    }

    static Optional<PollPosition> load(JsonState state, String key) {
        return state.get(key).map(node -> {
            Map<String, Long> open = new LinkedHashMap<>();
            node.path("open").fields().forEachRemaining(e -> open.put(e.getKey(), e.getValue().asLong()));
            return new PollPosition(node.path("followed").asText(null), node.path("offset").asLong(0),
                    node.path("anchor").asText(null), open);
        });
    }

    void save(JsonState state, String key) {
        ObjectNode node = JsonState.object();
        node.put("followed", followed);
        node.put("offset", offset);
        if (anchor != null) {
            node.put("anchor", anchor);
        }
        ObjectNode openNode = node.putObject("open");
        open.forEach(openNode::put);
        state.put(key, node);
    }
}
