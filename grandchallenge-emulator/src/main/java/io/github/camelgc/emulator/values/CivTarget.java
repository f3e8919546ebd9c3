package io.github.camelgc.emulator.values;

import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;

/**
 * What an imported socket value is for: a job's inputs or an archive item's values (the platform's
 * {@code CIVForObjectMixin} with its error handler).
 */
public interface CivTarget {

    /**
     * Replaces the socket's current value with {@code value}.
     *
     * @return false when the object takes no more values (a job that is no longer validating its inputs)
     */
    boolean put(SocketValue value);

    /** A value for {@code socket} could not be imported or validated: jobs are cancelled, items keep their value. */
    void rejected(Socket socket, String message);
}
