package io.github.camelgc.grandchallenge.client;

import java.util.List;
import java.util.Locale;

/**
 * The API answered a request with an error status. The message names the method, the path (never the query of a
 * storage URL, never a token) and the server's error messages.
 */
public class GrandChallengeApiException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient List<String> serverMessages;

    public GrandChallengeApiException(String method, String path, int statusCode, List<String> serverMessages) {
        super(method + " " + path + " failed with HTTP " + statusCode
              + (serverMessages.isEmpty() ? "" : ": " + String.join("; ", serverMessages)));
        this.statusCode = statusCode;
        this.serverMessages = List.copyOf(serverMessages);
    }

    /** For subclasses that word the message themselves (it must not contain a token or a storage URL's query). */
    protected GrandChallengeApiException(String message, int statusCode, List<String> serverMessages) {
        super(message);
        this.statusCode = statusCode;
        this.serverMessages = List.copyOf(serverMessages);
    }

    /** The HTTP status code of the response. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The error messages found in the response body ({@code detail}, field errors, bare lists), in order. */
    public List<String> getServerMessages() {
        return serverMessages;
    }

    /** Transient per {@link RetryRules#isTransientStatus(int)}: 408, 429, 500, 502, 503, 504 and 507. */
    @Override
    public boolean isRetryable() {
        return RetryRules.isTransientStatus(statusCode);
    }

    /** Whether any server message contains the given text (case-insensitive). */
    public boolean hasServerMessage(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return serverMessages.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(needle));
    }
}
