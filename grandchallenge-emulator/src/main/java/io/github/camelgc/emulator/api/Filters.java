package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import java.util.List;
import java.util.function.Predicate;

/** django-filter's choice filters: unknown values are a 400 with its messages (spec §1.6). */
final class Filters {

    private Filters() {
    }

    /** A single-choice filter's value, checked to exist; {@code null} when absent. */
    static String single(ApiCall call, String name, Predicate<String> exists) {
        String value = call.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!exists.test(value)) {
            throw ApiError.field(name, "Select a valid choice. That choice is not one of the available choices.");
        }
        return value;
    }

    /** A multi-choice filter's values (repeated parameter, OR), each checked to exist. */
    static List<String> multi(ApiCall call, String name, Predicate<String> exists) {
        List<String> values = call.queryAll(name).stream().filter(v -> !v.isEmpty()).toList();
        for (String value : values) {
            if (!exists.test(value)) {
                throw ApiError.field(name, "Select a valid choice. " + value + " is not one of the available choices.");
            }
        }
        return values;
    }
}
