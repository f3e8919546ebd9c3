package io.github.camelgc.grandchallenge.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Socket;

/** Validates all inputs first, then uploads and builds the socket-value payloads. */
public final class SocketValuePayloads {

    private SocketValuePayloads() {
    }

    /**
     * Validates every value against its socket; no network traffic besides what {@code sockets} does.
     *
     * @param sockets resolves a slug to its socket
     */
    public static List<PreparedInput> validate(Map<String, Object> values, Function<String, Socket> sockets) {
        List<PreparedInput> prepared = new ArrayList<>();
        values.forEach((slug, value) -> prepared.add(PreparedInput.of(sockets.apply(slug), value)));
        return prepared;
    }

    /** What a job created from these inputs will show, in input order (no network traffic). */
    public static List<ExpectedInput> expect(List<PreparedInput> inputs) {
        return inputs.stream().map(input -> input.strategy().expect(input.socket(), input.value())).toList();
    }

    /** Uploads and builds the payload array, in input order. */
    public static ArrayNode build(List<PreparedInput> inputs, GrandChallengeClient client, TempFiles temp) {
        ArrayNode payload = Json.mapper().createArrayNode();
        for (PreparedInput input : inputs) {
            payload.add(input.strategy().toPayload(input.socket(), input.value(), client, temp));
        }
        return payload;
    }
}
