package io.github.camelgc.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON values compared as PostgreSQL's {@code jsonb} compares them (the platform looks socket values up with
 * {@code value=...}): numbers by value ({@code 170} equals {@code 170.0}), objects regardless of key order.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** A text that is equal for two values exactly when {@code jsonb} considers them equal. */
    public static String canonical(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isNumber()) {
            String plain = value.decimalValue().stripTrailingZeros().toPlainString();
            return plain.equals("-0") ? "0" : plain;
        }
        if (value.isTextual()) {
            return TextNode.valueOf(value.asText()).toString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(canonical(v)));
            return "[" + String.join(",", items) + "]";
        }
        if (value.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            keys.sort(null);
            List<String> entries = new ArrayList<>();
            for (String key : keys) {
                entries.add(TextNode.valueOf(key) + ":" + canonical(value.get(key)));
            }
            return "{" + String.join(",", entries) + "}";
        }
        return value.toString();
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }
}
