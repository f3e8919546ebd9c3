package io.github.camelgc.grandchallenge.inputs;

import io.github.camelgc.grandchallenge.model.Socket;

/** A validated input: the socket, the raw value and the strategy that will turn it into a payload. */
public record PreparedInput(Socket socket, Object value, InputStrategy strategy) {

    /** Validates {@code value} for {@code socket} and remembers the strategy. */
    public static PreparedInput of(Socket socket, Object value) {
        InputStrategy strategy = InputStrategy.forSocket(socket);
        strategy.validate(socket, value);
        return new PreparedInput(socket, value, strategy);
    }
}
