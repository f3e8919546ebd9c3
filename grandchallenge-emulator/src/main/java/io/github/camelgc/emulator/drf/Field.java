package io.github.camelgc.emulator.drf;

/**
 * One field of a request payload after DRF read it: absent (key not sent), null, a value, or refused (the error is
 * in the {@link Form}). "Given" is what DRF's {@code attrs} holds: sent, even as {@code null}.
 */
public record Field<T>(State state, T value) {

    /** What the payload held for the field. */
    public enum State { ABSENT, NULL, VALUE, INVALID }

    static <T> Field<T> of(State state) {
        return new Field<>(state, null);
    }

    /** The key was sent (possibly as {@code null}) and accepted. */
    public boolean given() {
        return state == State.NULL || state == State.VALUE;
    }

    /** The key was sent with a non-null, accepted value. */
    public boolean present() {
        return state == State.VALUE;
    }

    public T orNull() {
        return present() ? value : null;
    }
}
