package io.github.camelgc.emulator.server;

import io.github.camelgc.emulator.model.User;
import java.util.Locale;
import java.util.function.Function;

/**
 * The platform's token authentication (spec §2.2): {@code Bearer} keyword compared case-insensitively,
 * other schemes and missing headers mean anonymous, bad tokens are a 401 on every endpoint.
 */
public final class Authenticator {

    private final Function<String, User> usersByToken;

    public Authenticator(Function<String, User> usersByToken) {
        this.usersByToken = usersByToken;
    }

    /**
     * The caller for an {@code Authorization} header value, {@code null} for anonymous.
     *
     * @throws ApiError 401 for a Bearer header with a missing, malformed or unknown token
     */
    public User authenticate(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split(" +");
        if (!parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return null;
        }
        if (parts.length == 1) {
            throw ApiError.unauthorized("Invalid token header. No credentials provided.");
        }
        if (parts.length > 2) {
            throw ApiError.unauthorized("Invalid token header. Token string should not contain spaces.");
        }
        User user = usersByToken.apply(parts[1]);
        if (user == null) {
            throw ApiError.unauthorized("Invalid token.");
        }
        if (!user.active()) {
            throw ApiError.unauthorized("User inactive or deleted.");
        }
        return user;
    }

    /** Like {@link #authenticate} but never failing: {@code /media/} falls back to anonymous. */
    public User authenticateLeniently(String authorization) {
        try {
            return authenticate(authorization);
        } catch (ApiError e) {
            return null;
        }
    }
}
