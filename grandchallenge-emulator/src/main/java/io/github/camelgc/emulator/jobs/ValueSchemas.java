package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.model.SocketKind;

/**
 * The type part of the platform's per-kind JSON schemas, enough to reject the wrong JSON type with the
 * jsonschema wording the platform passes through. (No Java JSON-schema library matches that wording.)
 */
final class ValueSchemas {

    private ValueSchemas() {
    }

    /** {@code instance is not of type '<type>'}, or {@code null} when the value fits the kind. */
    static String problem(SocketKind kind, JsonNode value) {
        String expected = switch (kind) {
            case FLT -> value.isNumber() ? null : "number";
            case INT -> value.isIntegralNumber() ? null : "integer";
            case STR, CHOI -> value.isTextual() ? null : "string";
            case BOOL -> value.isBoolean() ? null : "boolean";
            case MCHO -> value.isArray() ? null : "array";
            case JSON -> null;
            default -> value.isObject() ? null : "object";
        };
        return expected == null ? null : "instance is not of type '" + expected + "'";
    }
}
