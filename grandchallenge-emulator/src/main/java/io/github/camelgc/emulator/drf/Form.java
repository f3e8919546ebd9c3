package io.github.camelgc.emulator.drf;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.server.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One serializer's pass over a JSON object ({@code Serializer.to_internal_value}): every field's error is
 * collected under its name, in the order the fields are read, and {@link #validate()} raises them together; only
 * then do object-level checks run. In a partial update (PATCH) missing fields are skipped, even required ones.
 */
public final class Form {

    public static final String REQUIRED = "This field is required.";
    public static final String NOT_NULL = "This field may not be null.";
    public static final String NON_FIELD = "non_field_errors";

    private final JsonNode data;
    private final boolean partial;
    private final Map<String, Object> errors = new LinkedHashMap<>();

    Form(JsonNode data, boolean partial) {
        this.data = data;
        this.partial = partial;
    }

    /** The body of a POST or PUT; a body that is not a JSON object is a 400 of its own. */
    public static Form of(JsonNode body) {
        return of(body, false);
    }

    /** The body of a request, {@code partial} for PATCH ({@code partial=True} in the view). */
    public static Form of(JsonNode body, boolean partial) {
        if (!body.isObject()) {
            throw ApiError.of(400, Map.of(NON_FIELD, List.of(notADict(body))));
        }
        return new Form(body, partial);
    }

    /** DRF's message for a nested or top-level serializer given something other than a dict. */
    static String notADict(JsonNode value) {
        return "Invalid data. Expected a dictionary, but got " + PyText.typeName(value) + ".";
    }

    /** Whether the payload holds the key, whatever its value. */
    public boolean has(String name) {
        return data.has(name);
    }

    /** The raw value of a key (for fields the emulator does not model), or {@code null}. */
    public JsonNode raw(String name) {
        return data.get(name);
    }

    public <T> Field<T> required(String name, Parser<T> parser) {
        return field(name, true, false, parser);
    }

    public <T> Field<T> optional(String name, Parser<T> parser) {
        return field(name, false, false, parser);
    }

    public <T> Field<T> nullable(String name, Parser<T> parser) {
        return field(name, false, true, parser);
    }

    /** A required field that may be {@code null}. */
    public <T> Field<T> requiredNullable(String name, Parser<T> parser) {
        return field(name, true, true, parser);
    }

    private <T> Field<T> field(String name, boolean required, boolean allowNull, Parser<T> parser) {
        JsonNode raw = data.get(name);
        if (raw == null) {
            if (required && !partial) {
                errors.put(name, List.of(REQUIRED));
                return Field.of(Field.State.INVALID);
            }
            return Field.of(Field.State.ABSENT);
        }
        if (parser.blankIsNull() && raw.isTextual() && raw.asText().isEmpty()) {
            raw = com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        if (raw.isNull()) {
            if (!allowNull) {
                errors.put(name, List.of(NOT_NULL));
                return Field.of(Field.State.INVALID);
            }
            return Field.of(Field.State.NULL);
        }
        try {
            return new Field<>(Field.State.VALUE, parser.parse(raw));
        } catch (Invalid e) {
            errors.put(name, e.detailValue());
            return Field.of(Field.State.INVALID);
        }
    }

    /** Records an error for a field the caller checked itself. */
    public void error(String name, Object detail) {
        errors.put(name, detail);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The field errors so far ({@code {}} when none), e.g. as one item's detail in a list. */
    public Map<String, Object> errors() {
        return errors;
    }

    /** Raises the collected field errors as DRF's 400 body. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiError.of(400, errors);
        }
    }
}
