package io.github.camelgc.app.dropfolder;

/**
 * A dropped input the service refuses before anything is sent to the platform (not an image, empty, truncated,
 * an incomplete case folder). The message names the file and what was expected.
 */
public class InputRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputRejectedException(String message) {
        super(message);
    }

    public InputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
