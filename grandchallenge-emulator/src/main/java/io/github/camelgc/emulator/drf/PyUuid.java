package io.github.camelgc.emulator.drf;

import java.util.Locale;
import java.util.Optional;

/**
 * Python's {@code uuid.UUID(hex=...)}, which Django's {@code UUIDField} uses on lookups: hyphens, braces and a
 * {@code urn:uuid:} prefix are ignored, case does not matter.
 */
public final class PyUuid {

    private PyUuid() {
    }

    /** The canonical form ({@code 8-4-4-4-12} lowercase), or empty when Python would refuse the text. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.replace("urn:", "").replace("uuid:", "");
        int start = 0;
        int end = hex.length();
        while (start < end && (hex.charAt(start) == '{' || hex.charAt(start) == '}')) {
            start++;
        }
        while (end > start && (hex.charAt(end - 1) == '{' || hex.charAt(end - 1) == '}')) {
            end--;
        }
        hex = hex.substring(start, end).replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** Django's {@code UUIDField} message for a value it cannot read. */
    public static String invalidMessage(String value) {
        return "\u201c" + value + "\u201d is not a valid UUID.";
    }
}
