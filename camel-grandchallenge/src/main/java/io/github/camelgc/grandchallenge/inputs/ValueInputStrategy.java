package io.github.camelgc.grandchallenge.inputs;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Socket;

/**
 * Value sockets: the value is sent inline as {@code value}. A file is read as JSON (gcapi's ValueFromFile strategy);
 * strings, numbers, booleans, maps, lists and Jackson nodes are converted as they are.
 */
final class ValueInputStrategy implements InputStrategy {

    @Override
    public void validate(Socket socket, Object value) {
        toJson(socket, value);
    }

    @Override
    public ExpectedInput expect(Socket socket, Object value) {
        return ExpectedInput.ofValue(socket.getSlug(), toJson(socket, value));
    }

    @Override
    public ObjectNode toPayload(Socket socket, Object value, GrandChallengeClient client, TempFiles temp) {
        ObjectNode payload = Json.mapper().createObjectNode().put("interface", socket.getSlug());
        payload.set("value", toJson(socket, value));
        return payload;
    }

    static JsonNode toJson(Socket socket, Object value) {
        if (value == null) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "' is the value socket "
                                                   + socket.describe() + ": the value must not be null");
        }
        Path file = LocalFiles.asPath(value).orElse(null);
        if (file != null) {
            LocalFiles.requireReadable(socket.getSlug(), file);
            try {
                return Json.mapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new GrandChallengeInputException("Input '" + socket.getSlug() + "': file '" + file.getFileName()
                                                       + "' is not valid JSON (" + e.getMessage()
                                                       + "); a value socket needs a JSON value", e);
            }
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return Json.mapper().valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "': a " + InputStrategy.typeOf(value)
                                                   + " cannot be converted to JSON", e);
        }
    }
}
