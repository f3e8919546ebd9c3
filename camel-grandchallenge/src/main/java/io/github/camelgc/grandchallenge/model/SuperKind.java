package io.github.camelgc.grandchallenge.model;

import java.util.Locale;

/** The three families of sockets the platform distinguishes (spec §6.4), plus {@link #UNKNOWN} for future ones. */
public enum SuperKind {
    IMAGE,
    FILE,
    VALUE,
    UNKNOWN;

    /** Parses the server's label case-insensitively; unknown or missing labels give {@link #UNKNOWN}. */
    public static SuperKind fromLabel(String label) {
        if (label == null) {
            return UNKNOWN;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "image" -> IMAGE;
            case "file" -> FILE;
            case "value" -> VALUE;
            default -> UNKNOWN;
        };
    }
}
