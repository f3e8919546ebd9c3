package io.github.camelgc.emulator.drf;

import java.util.List;

/**
 * A value DRF refuses: the error detail is what ends up under the field's key, usually a list of messages, a map
 * for composite fields ({@code ListField}: index → messages; nested serializers: field → messages).
 */
public final class Invalid extends Exception {

    private final transient Object detail;

    private Invalid(Object detail) {
        super(String.valueOf(detail), null, false, false);
        this.detail = detail;
    }

    /** One message: {@code ["message"]}. */
    public static Invalid of(String message) {
        return new Invalid(List.of(message));
    }

    /** A composite detail (map or list). */
    public static Invalid detail(Object detail) {
        return new Invalid(detail);
    }

    public Object detailValue() {
        return detail;
    }
}
