package io.github.camelgc.grandchallenge.inputs;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Socket;

/** Image sockets: local file(s) become {@code user_uploads}; an existing image's API URL becomes {@code image}. */
final class ImageInputStrategy implements InputStrategy {

    @Override
    public void validate(Socket socket, Object value) {
        if (imageUrl(value) != null) {
            return;
        }
        if (!LocalFiles.isFileValue(value)) {
            throw new GrandChallengeInputException("Input '" + socket.getSlug() + "' is the image socket "
                                                   + socket.describe() + ": expected a file, a list of files of one image "
                                                   + "(e.g. .mhd + .zraw), or the API URL of an existing image; got "
                                                   + InputStrategy.typeOf(value));
        }
        LocalFiles.imageFiles(socket.getSlug(), value);
    }

    @Override
    public ExpectedInput expect(Socket socket, Object value) {
        String url = imageUrl(value);
        return url != null ? ExpectedInput.ofImage(socket.getSlug(), url)
                : ExpectedInput.ofUploads(socket.getSlug(), LocalFiles.imageFiles(socket.getSlug(), value).stream()
                        .map(file -> file.getFileName().toString()).toList(), true);
    }

    @Override
    public ObjectNode toPayload(Socket socket, Object value, GrandChallengeClient client, TempFiles temp) {
        ObjectNode payload = Json.mapper().createObjectNode().put("interface", socket.getSlug());
        String url = imageUrl(value);
        if (url != null) {
            // Like gcapi: check access first, so a wrong URL fails with a clear 404 instead of a generic 400.
            Image image = client.image(url);
            payload.put("image", image.apiUrl() != null ? image.apiUrl() : url);
            return payload;
        }
        ArrayNode uploads = payload.putArray("user_uploads");
        List<Path> files = LocalFiles.imageFiles(socket.getSlug(), value);
        for (Path file : files) {
            uploads.add(client.upload(file, file.getFileName().toString()).apiUrl());
        }
        return payload;
    }

    private static String imageUrl(Object value) {
        if (value instanceof Image image) {
            return image.apiUrl();
        }
        if (value instanceof String text && (text.startsWith("https://") || text.startsWith("http://"))) {
            return text;
        }
        return null;
    }
}
