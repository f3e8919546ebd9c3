package io.github.camelgc.emulator.drf;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** DRF's field classes as {@link Parser}s, with their exact messages (DRF 3.16 {@code fields.py}, {@code relations.py}). */
public final class Parsers {

    private static final Pattern TRAILING_DECIMAL_ZEROS = Pattern.compile("\\.0*\\s*$");
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final String DATETIME_FORMATS = "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]";

    private Parsers() {
    }

    /** Finds a referenced object among those the caller may use; {@code null} when there is none. */
    @FunctionalInterface
    public interface Lookup<T> {
        T find(String key);
    }

    /** One item of a {@code ListSerializer}: read with its own {@link Form}, then checked as a whole. */
    @FunctionalInterface
    public interface ItemParser<T> {
        /**
         * @return the item; when the item's form has field errors the result is ignored
         * @throws Invalid an object-level error: its detail (a map such as {@code {"non_field_errors": [...]}}) is
         *     the item's error
         */
        T parse(Form item) throws Invalid;
    }

    /** {@code CharField}: numbers are read as their {@code str()}, whitespace is trimmed. */
    public static Parser<String> chars(Integer maxLength, boolean allowBlank) {
        return value -> {
            if (!value.isTextual() && !(value.isNumber())) {
                throw Invalid.of("Not a valid string.");
            }
            String text = PyText.str(value);
            if (text.strip().isEmpty()) {
                if (allowBlank) {
                    return "";
                }
                throw Invalid.of("This field may not be blank.");
            }
            text = text.strip();
            if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
                throw Invalid.of("Ensure this field has no more than " + maxLength + " characters.");
            }
            if (text.indexOf('\0') >= 0) {
                throw Invalid.of("Null characters are not allowed.");
            }
            return text;
        };
    }

    /** {@code IntegerField}: {@code int(str(value))} after dropping a {@code .0} tail, so "5" and 5.0 are 5. */
    public static Parser<Long> integer(Long min, Long max) {
        return value -> {
            if (value.isTextual() && value.asText().length() > 1000) {
                throw Invalid.of("String value too large.");
            }
            String text = TRAILING_DECIMAL_ZEROS.matcher(PyText.str(value)).replaceFirst("").strip();
            if (value.isBoolean() || value.isContainerNode() || !PY_INT.matcher(text).matches()) {
                throw Invalid.of("A valid integer is required.");
            }
            BigInteger parsed = new BigInteger(text.replace("_", ""));
            if (max != null && parsed.compareTo(BigInteger.valueOf(max)) > 0) {
                throw Invalid.of("Ensure this value is less than or equal to " + max + ".");
            }
            if (min != null && parsed.compareTo(BigInteger.valueOf(min)) < 0) {
                throw Invalid.of("Ensure this value is greater than or equal to " + min + ".");
            }
            return parsed.longValue();
        };
    }

    /** {@code DateTimeField} with the ISO-8601 input format. */
    public static Parser<String> dateTime() {
        return value -> {
            if (value.isTextual()) {
                String text = value.asText().replace(' ', 'T');
                try {
                    OffsetDateTime.parse(text.endsWith("Z") || text.endsWith("z") ? text.substring(0, text.length() - 1)
                            + "+00:00" : text);
                    return value.asText();
                } catch (DateTimeParseException e) {
                    try {
                        LocalDateTime.parse(text);
                        return value.asText();
                    } catch (DateTimeParseException e2) {
                        // fall through
                    }
                }
            }
            throw Invalid.of("Datetime has wrong format. Use one of these formats instead: " + DATETIME_FORMATS + ".");
        };
    }

    /** {@code JSONField}: any JSON. */
    public static Parser<JsonNode> anyJson() {
        return value -> value;
    }

    /** {@code FileField} in a JSON body: nothing JSON can hold is an uploaded file. */
    public static Parser<Void> file() {
        return value -> {
            throw Invalid.of("The submitted data was not a file. Check the encoding type on the form.");
        };
    }

    /** {@code HyperlinkedRelatedField} to a UUID-keyed detail view. */
    public static <T> Parser<T> hyperlink(String resource, Lookup<T> lookup) {
        return relational(value -> {
            T found = lookup.find(Hyperlinks.uuidPk(value, resource));
            if (found == null) {
                throw Invalid.of(Hyperlinks.DOES_NOT_EXIST);
            }
            return found;
        });
    }

    /** {@code SlugRelatedField}. */
    public static <T> Parser<T> slug(Lookup<T> lookup) {
        return relational(value -> {
            T found = value.isContainerNode() ? null : lookup.find(PyText.str(value));
            if (found == null) {
                throw Invalid.of("Object with slug=" + PyText.str(value) + " does not exist.");
            }
            return found;
        });
    }

    /** {@code PrimaryKeyRelatedField} on a UUID primary key. */
    public static <T> Parser<T> uuidPk(Lookup<T> lookup) {
        return relational(value -> {
            if (value.isBoolean()) {
                throw Invalid.of("Incorrect type. Expected pk value, received bool.");
            }
            String pk;
            if (value.isIntegralNumber()) {
                BigInteger n = value.bigIntegerValue();
                if (n.signum() < 0 || n.bitLength() > 128) {
                    throw Invalid.of("Incorrect type. Expected pk value, received int.");
                }
                pk = PyUuid.parse(String.format("%032x", n)).orElseThrow();
            } else {
                String text = PyText.str(value);
                pk = value.isTextual() ? PyUuid.parse(text).orElse(null) : null;
                if (pk == null) {
                    throw Invalid.of(PyUuid.invalidMessage(text));
                }
            }
            T found = lookup.find(pk);
            if (found == null) {
                throw Invalid.of("Invalid pk \"" + PyText.str(value) + "\" - object does not exist.");
            }
            return found;
        });
    }

    /**
     * A {@code many=True} hyperlink field ({@code ManyRelatedField}): anything iterable is read (a JSON object by
     * its keys), the first bad item's message is the whole field's error.
     */
    public static <T> Parser<List<T>> manyHyperlinks(String resource, Lookup<T> lookup) {
        Parser<T> child = hyperlink(resource, lookup);
        return value -> {
            if (!value.isContainerNode()) {
                throw Invalid.of("Expected a list of items but got type \"" + PyText.typeName(value) + "\".");
            }
            List<T> items = new ArrayList<>();
            if (value.isObject()) {
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    items.add(child.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf(it.next())));
                }
                return items;
            }
            for (JsonNode item : value) {
                // to_internal_value of the child directly: no null or "" handling for items
                items.add(child.parse(item));
            }
            return items;
        };
    }

    /** {@code ListField(child=...)}: errors keyed by item index. */
    public static <T> Parser<List<T>> list(Parser<T> child) {
        return value -> {
            if (!value.isArray()) {
                throw Invalid.of("Expected a list of items but got type \"" + PyText.typeName(value) + "\".");
            }
            List<T> items = new ArrayList<>();
            Map<String, Object> errors = new LinkedHashMap<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                try {
                    if (item.isNull()) {
                        throw Invalid.of(Form.NOT_NULL);
                    }
                    items.add(child.parse(item));
                } catch (Invalid e) {
                    errors.put(String.valueOf(i), e.detailValue());
                }
            }
            if (!errors.isEmpty()) {
                throw Invalid.detail(errors);
            }
            return items;
        };
    }

    /**
     * A nested serializer with {@code many=True} ({@code ListSerializer}): one error object per item, {@code {}} for
     * valid ones; a non-list is an error of the whole field under {@code non_field_errors}.
     */
    public static <T> Parser<List<T>> items(boolean partial, ItemParser<T> parser) {
        return value -> {
            if (!value.isArray()) {
                throw Invalid.detail(Map.of(Form.NON_FIELD, List.of("Expected a list of items but got type \""
                        + PyText.typeName(value) + "\".")));
            }
            List<T> items = new ArrayList<>();
            List<Object> errors = new ArrayList<>();
            boolean failed = false;
            for (JsonNode item : value) {
                Object error;
                if (item.isNull()) {
                    error = List.of(Form.NOT_NULL);
                } else if (!item.isObject()) {
                    error = Map.of(Form.NON_FIELD, List.of(Form.notADict(item)));
                } else {
                    Form form = new Form(item, partial);
                    try {
                        T parsed = parser.parse(form);
                        error = form.valid() ? null : form.errors();
                        if (error == null) {
                            items.add(parsed);
                        }
                    } catch (Invalid e) {
                        error = form.valid() ? e.detailValue() : form.errors();
                    }
                }
                failed |= error != null;
                errors.add(error == null ? Map.of() : error);
            }
            if (failed) {
                throw Invalid.detail(errors);
            }
            return items;
        };
    }

    private static <T> Parser<T> relational(Parser<T> parser) {
        return new Parser<>() {
            @Override
            public T parse(JsonNode value) throws Invalid {
                return parser.parse(value);
            }

            @Override
            public boolean blankIsNull() {
                return true;
            }
        };
    }
}
