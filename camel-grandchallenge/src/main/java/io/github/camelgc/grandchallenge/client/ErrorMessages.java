package io.github.camelgc.grandchallenge.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flattens the platform's error bodies (spec §4.1: {@code {"detail": ...}}, field errors, nested per-input errors,
 * bare lists) into readable messages; field errors keep their field name as a prefix.
 */
final class ErrorMessages {

    private static final Set<String> UNPREFIXED = Set.of("detail", "non_field_errors", "__all__");

    private ErrorMessages() {
    }

    static List<String> from(JsonNode body) {
        List<String> messages = new ArrayList<>();
        collect(body, "", messages);
        return messages;
    }

    private static void collect(JsonNode node, String prefix, List<String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            out.add(prefix + node.asText());
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, prefix, out));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPrefix = UNPREFIXED.contains(field.getKey()) ? prefix : prefix + field.getKey() + ": ";
                collect(field.getValue(), childPrefix, out);
            }
        }
    }
}
