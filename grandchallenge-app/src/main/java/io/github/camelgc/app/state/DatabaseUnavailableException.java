package io.github.camelgc.app.state;

/** The service's database cannot be opened or used; the message says why and what to do. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
