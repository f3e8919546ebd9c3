package io.github.camelgc.grandchallenge.inputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Socket;

/**
 * File sockets (PDF, CSV, and JSON kinds stored as files): a local file is uploaded as is; any other value is written
 * as JSON into a file named after the socket's {@code relative_path} and uploaded. Both become {@code user_upload}.
 */
final class FileInputStrategy implements InputStrategy {

    @Override
    public void validate(Socket socket, Object value) {
        if (value == null) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "' is the file socket "
                                                   + socket.describe() + ": expected a file or a JSON value; got null");
        }
        if (value instanceof Collection<?> && LocalFiles.isFileValue(value)) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "' is the file socket "
                                                   + socket.describe() + ": expected exactly one file, got several");
        }
        LocalFiles.asPath(value).ifPresent(path -> LocalFiles.requireReadable(socket.getSlug(), path));
    }

    @Override
    public ExpectedInput expect(Socket socket, Object value) {
        return ExpectedInput.ofUploads(socket.getSlug(), List.of(LocalFiles.asPath(value)
                .map(file -> file.getFileName().toString()).orElseGet(() -> jsonFileName(socket))), false);
    }

    @Override
    public ObjectNode toPayload(Socket socket, Object value, GrandChallengeClient client, TempFiles temp) {
        Path file = LocalFiles.asPath(value).orElseGet(() -> writeJson(socket, value, temp));
        String upload = client.upload(file, file.getFileName().toString()).apiUrl();
        return Json.mapper().createObjectNode().put("interface", socket.getSlug()).put("user_upload", upload);
    }

    private static String jsonFileName(Socket socket) {
        String relativePath = socket.getRelativePath();
        return relativePath == null || relativePath.isBlank()
                ? socket.getSlug() + ".json" : Path.of(relativePath).getFileName().toString();
    }

    private static Path writeJson(Socket socket, Object value, TempFiles temp) {
        String name = jsonFileName(socket);
        try {
            return temp.write(name, Json.mapper().writeValueAsBytes(ValueInputStrategy.toJson(socket, value)));
        } catch (JsonProcessingException e) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "': the value cannot be written as "
                                                   + "JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "': cannot write a temporary file: "
                                                   + e.getMessage(), e);
        }
    }
}
