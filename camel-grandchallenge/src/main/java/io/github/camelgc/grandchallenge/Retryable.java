package io.github.camelgc.grandchallenge;

/**
 * A failure that knows whether trying the same thing again later may succeed. Every exception of the component
 * implements it, so routes decide in one expression:
 * {@code onWhen: "${exception} is 'io.github.camelgc.grandchallenge.Retryable' && ${exception.retryable} == true"}
 * (the type test first, because simple's {@code ${exception.retryable}} fails on other exceptions).
 */
public interface Retryable {

    /** Whether the same request (or route) may succeed when tried again later. */
    boolean isRetryable();
}
