package io.github.camelgc.emulator.images;

/** An image import that produced nothing usable; the message is the platform's session error message. */
public final class ImportFailure extends Exception {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
