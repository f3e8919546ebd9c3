package io.github.camelgc.app.dropfolder;

/**
 * A dropped input the service refuses before anything is sent to the platform (not an image, empty, truncated,
 * a link, an incomplete case folder). The message names the input and what was expected; {@link #toTryAgain()}
 * says what to do to have it processed after all.
 */
public class InputRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The advice when nothing more specific fits. */
    static final String FIX_AND_DROP_AGAIN = "To try again, fix the input and drop it into the inbox again.";

    private final String toTryAgain;

    public InputRejectedException(String message) {
        this(message, FIX_AND_DROP_AGAIN, null);
    }

    public InputRejectedException(String message, Throwable cause) {
        this(message, FIX_AND_DROP_AGAIN, cause);
    }

    /** @param toTryAgain one sentence: what to do to have the input processed after all */
    public InputRejectedException(String message, String toTryAgain, Throwable cause) {
        super(message, cause);
        this.toTryAgain = toTryAgain;
    }

    /** What to do to have the input processed after all (one sentence). */
    public String toTryAgain() {
        return toTryAgain;
    }
}
