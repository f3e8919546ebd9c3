package io.github.camelgc.emulator.model;

/**
 * A platform user. The token is a secret: it is deliberately left out of {@link #toString()}.
 *
 * @param id integer primary key, as on the platform
 * @param username login name
 * @param token 64 lowercase hex characters, sent as {@code Authorization: Bearer <token>}
 * @param active inactive users' tokens are refused
 */
public record User(int id, String username, String token, boolean active) {

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + active + "]";
    }
}
