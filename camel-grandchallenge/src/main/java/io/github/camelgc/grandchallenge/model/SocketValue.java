package io.github.camelgc.grandchallenge.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value bound to a socket (a "CIV"): exactly one of {@code value} (JSON), {@code file} (a {@code /media/} URL) or
 * {@code image} (an image API URL) is set, depending on the socket's super kind.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SocketValue(
        @JsonProperty("interface") Socket socket,
        @JsonProperty("value") JsonNode value,
        @JsonProperty("file") String file,
        @JsonProperty("image") String image,
        @JsonProperty("pk") Long pk) {

    /** The socket's slug, or {@code null} when the server sent no socket. */
    public String slug() {
        return socket == null ? null : socket.getSlug();
    }
}
