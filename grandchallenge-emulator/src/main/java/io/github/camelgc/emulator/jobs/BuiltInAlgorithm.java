package io.github.camelgc.emulator.jobs;

import java.time.Duration;

/**
 * What the emulator runs in place of an algorithm's container: computes real outputs from the inputs.
 * Throwing makes the job {@code Failed}.
 */
public interface BuiltInAlgorithm {

    void run(AlgorithmRun run) throws Exception;

    /**
     * How long the job stays {@code Executing}, given the configured step delay; {@code null} for never.
     */
    default Duration executionTime(Duration stepDelay) {
        return stepDelay;
    }
}
