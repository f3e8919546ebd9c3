package io.github.camelgc.grandchallenge.inputs;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a job will show for one input, as far as it is known before anything is uploaded: how a job created by an
 * earlier attempt (that crashed or lost its answer) is recognised.
 *
 * @param socket      the socket slug
 * @param value       the JSON value of a value socket, else {@code null}
 * @param imageUrl    the API URL of an existing image, else {@code null}
 * @param uploadNames the file names an upload will carry (image and file sockets), else empty
 * @param image       whether the socket is an image socket (its input will be an image with a name)
 */
public record ExpectedInput(String socket, JsonNode value, String imageUrl, List<String> uploadNames,
                            boolean image) {

    public ExpectedInput {
        uploadNames = List.copyOf(uploadNames);
    }

    static ExpectedInput ofValue(String socket, JsonNode value) {
        return new ExpectedInput(socket, value, null, List.of(), false);
    }

    static ExpectedInput ofImage(String socket, String imageUrl) {
        return new ExpectedInput(socket, null, imageUrl, List.of(), true);
    }

    static ExpectedInput ofUploads(String socket, List<String> names, boolean image) {
        return new ExpectedInput(socket, null, null, names, image);
    }
}
