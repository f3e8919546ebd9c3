package io.github.camelgc.emulator.drf;

import com.fasterxml.jackson.databind.JsonNode;

/** A DRF field's {@code to_internal_value} (plus its validators) for one non-null JSON value. */
@FunctionalInterface
public interface Parser<T> {

    T parse(JsonNode value) throws Invalid;

    /** Relational fields read {@code ""} as {@code null} ({@code RelatedField.run_validation}). */
    default boolean blankIsNull() {
        return false;
    }

    /** This parser followed by a check of its result (a serializer's {@code validate_<field>} method). */
    default Parser<T> then(Check<T> check) {
        Parser<T> first = this;
        return new Parser<>() {
            @Override
            public T parse(JsonNode value) throws Invalid {
                T parsed = first.parse(value);
                check.check(parsed);
                return parsed;
            }

            @Override
            public boolean blankIsNull() {
                return first.blankIsNull();
            }
        };
    }

    /** A check that refuses a parsed value. */
    @FunctionalInterface
    interface Check<T> {
        void check(T value) throws Invalid;
    }
}
