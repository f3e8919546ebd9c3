package io.github.camelgc.grandchallenge.client;

import java.util.Objects;

/**
 * A personal API token. Normalised like gcapi (any keyword such as {@code Bearer} or {@code Token} in front is
 * dropped) and never revealed by {@link #toString()}.
 */
public final class ApiToken {

    /** The environment variable gcapi also reads when no token is configured. */
    public static final String ENVIRONMENT_VARIABLE = "GRAND_CHALLENGE_AUTHORIZATION";

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /**
     * Normalises a configured token; {@code null} or blank input gives {@code null}.
     *
     * @throws IllegalArgumentException when the value has more than two words
     */
    public static ApiToken of(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String[] words = configured.trim().split("\\s+");
        if (words.length > 2) {
            throw new IllegalArgumentException(
                    "The Grand Challenge token must be a single token, optionally preceded by 'Bearer'; got "
                                               + words.length + " words");
        }
        return new ApiToken(words[words.length - 1]);
    }

    /** The configured token, or else the {@value #ENVIRONMENT_VARIABLE} environment variable, or {@code null}. */
    public static ApiToken fromConfigurationOrEnvironment(String configured) {
        ApiToken token = of(configured);
        return token != null ? token : of(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** The value for the {@code Authorization} header. */
    String authorizationHeader() {
        return "Bearer " + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ApiToken[****]";
    }
}
