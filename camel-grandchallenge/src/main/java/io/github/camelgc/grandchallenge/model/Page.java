package io.github.camelgc.grandchallenge.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The limit/offset envelope of every list endpoint (spec §3). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(
        @JsonProperty("count") long count,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous,
        @JsonProperty("results") List<T> results) {

    public Page {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
