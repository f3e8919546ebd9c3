package io.github.camelgc.app.platform;

import java.util.Optional;

import org.apache.camel.support.jsse.SSLContextParameters;

/** A platform given by settings (token and optionally a base URL); trusted through the JVM's trust store. */
public record ConfiguredPlatform(String baseUrl, String token) implements Platform {

    /** The public platform's API root, used when only a token is configured. */
    public static final String GRAND_CHALLENGE_ORG = "https://grand-challenge.org/api/v1/";

    public ConfiguredPlatform {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A configured platform needs an API token");
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? GRAND_CHALLENGE_ORG : baseUrl;
    }

    @Override
    public Optional<SSLContextParameters> trust() {
        return Optional.empty();
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public String toString() {
        return "ConfiguredPlatform[" + baseUrl + "]";
    }
}
