package io.github.camelgc.grandchallenge.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One allowed combination of input sockets of an algorithm, with the outputs it produces. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlgorithmInterface(
        @JsonProperty("inputs") List<Socket> inputs,
        @JsonProperty("outputs") List<Socket> outputs) {

    public AlgorithmInterface {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
