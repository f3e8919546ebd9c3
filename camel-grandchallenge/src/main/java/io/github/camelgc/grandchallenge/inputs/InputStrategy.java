package io.github.camelgc.grandchallenge.inputs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.model.Socket;

/** How a value becomes a socket value payload for one super kind of socket (like gcapi's create strategies). */
public interface InputStrategy {

    /**
     * Checks the value without any network call besides cheap look-ups; runs for all inputs before any upload.
     *
     * @throws GrandChallengeInputException when the value cannot be used for this socket
     */
    void validate(Socket socket, Object value);

    /** What a job created from this value will show, without any network call (see {@link ExpectedInput}). */
    ExpectedInput expect(Socket socket, Object value);

    /** Uploads what must be uploaded and returns the {@code {"interface": slug, <source>: ...}} object. */
    ObjectNode toPayload(Socket socket, Object value, GrandChallengeClient client, TempFiles temp);

    /** Picks the strategy for a socket from its super kind. */
    static InputStrategy forSocket(Socket socket) {
        return switch (socket.superKind()) {
            case IMAGE -> new ImageInputStrategy();
            case FILE -> new FileInputStrategy();
            case VALUE -> new ValueInputStrategy();
            case UNKNOWN -> throw new GrandChallengeInputException("Socket '" + socket.getSlug() + "' has super kind '"
                                                                   + socket.getSuperKind()
                                                                   + "', expected Image, File or Value");
        };
    }

    /** A description of a value's type for error messages (never the value itself: it may be large or sensitive). */
    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
