package io.github.camelgc.emulator.model;

import java.util.List;

/** One allowed combination of input sockets of an algorithm, with the outputs it produces. */
public record AlgorithmInterface(List<String> inputs, List<String> outputs) {
}
