package io.github.camelgc.emulator.jobs;

/** A built-in algorithm's own failure (bad input content, a deliberately failing test algorithm). */
public final class AlgorithmFailure extends Exception {

    public AlgorithmFailure(String message) {
        super(message);
    }
}
