package io.github.camelgc.emulator.drf;

import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * django-filter's {@code FilterSet} read from the query string with Django's form fields: every invalid filter is
 * reported, together, as {@code {"<filter>": ["<message>"]}}; empty values filter nothing.
 */
public final class FilterSet {

    private static final String INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofPattern("MM/dd/yy"));

    private final ApiCall call;
    private final Map<String, Object> errors = new LinkedHashMap<>();

    public FilterSet(ApiCall call) {
        this.call = call;
    }

    /**
     * {@code ModelMultipleChoiceFilter} on a UUID key (repeated parameter, OR): a malformed UUID is
     * {@code “x” is not a valid value.}, a value that is not the canonical form of an existing pk is
     * {@code Select a valid choice. x is not one of the available choices.}
     */
    public List<String> modelMultipleChoice(String name, Predicate<String> exists) {
        List<String> values = call.queryAll(name);
        if (values.isEmpty()) {
            return List.of();
        }
        for (String value : values) {
            if (PyUuid.parse(value).isEmpty()) {
                errors.put(name, List.of("\u201c" + value + "\u201d is not a valid value."));
                return List.of();
            }
        }
        for (String value : values) {
            // Django compares the str() of each matched pk with the given text.
            if (!PyUuid.parse(value).orElseThrow().equals(value) || !exists.test(value)) {
                errors.put(name, List.of("Select a valid choice. " + value + " is not one of the available choices."));
                return List.of();
            }
        }
        return values;
    }

    /** {@code ModelChoiceFilter} on a UUID key; {@code null} when not given or empty. */
    public String modelChoice(String name, Predicate<String> exists) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String pk = PyUuid.parse(value).orElse(null);
        if (pk == null || !exists.test(pk)) {
            errors.put(name, List.of(INVALID_CHOICE));
            return null;
        }
        return pk;
    }

    /** {@code ChoiceFilter}: a value outside the choices is refused. */
    public String choice(String name, Set<String> choices) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!choices.contains(value)) {
            errors.put(name, List.of("Select a valid choice. " + value + " is not one of the available choices."));
            return null;
        }
        return value;
    }

    /** {@code DateFilter} with Django's default input formats. */
    public LocalDate date(String name) {
        String value = call.query(name);
        if (value == null || value.strip().isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(value.strip(), format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        errors.put(name, List.of("Enter a valid date."));
        return null;
    }

    /** {@code BooleanFilter} ({@code NullBooleanSelect}): only its spellings count, anything else filters nothing. */
    public Boolean bool(String name) {
        String value = call.query(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "True", "true", "2" -> Boolean.TRUE;
            case "False", "false", "3" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code CharFilter} (exact); {@code null} when not given or empty. */
    public String text(String name) {
        String value = call.query(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Raises every filter error as one 400. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiError.of(400, errors);
        }
    }
}
