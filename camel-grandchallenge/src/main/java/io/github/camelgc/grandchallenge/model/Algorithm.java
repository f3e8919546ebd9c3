package io.github.camelgc.grandchallenge.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An algorithm with its interfaces. Accepts both the current {@code interfaces} shape and the legacy top-level
 * {@code inputs}/{@code outputs} shape (servers before March 2025), which is treated as a single interface.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Algorithm(
        @JsonProperty("pk") String pk,
        @JsonProperty("slug") String slug,
        @JsonProperty("title") String title,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("url") String url,
        @JsonProperty("description") String description,
        @JsonProperty("average_duration") Double averageDuration,
        @JsonProperty("interfaces") List<AlgorithmInterface> interfaces,
        @JsonProperty("inputs") List<Socket> legacyInputs,
        @JsonProperty("outputs") List<Socket> legacyOutputs) {

    /** The interfaces of this algorithm, whichever shape the server sent. */
    public List<AlgorithmInterface> effectiveInterfaces() {
        if (interfaces != null && !interfaces.isEmpty()) {
            return interfaces;
        }
        if (legacyInputs != null || legacyOutputs != null) {
            return List.of(new AlgorithmInterface(legacyInputs, legacyOutputs));
        }
        return List.of();
    }

    /** Every input socket of any interface, by slug, in interface order. */
    public Map<String, Socket> allInputSockets() {
        Map<String, Socket> sockets = new LinkedHashMap<>();
        for (AlgorithmInterface anInterface : effectiveInterfaces()) {
            anInterface.inputs().forEach(s -> sockets.putIfAbsent(s.getSlug(), s));
        }
        return sockets;
    }

    /** Every output socket of any interface, by slug. */
    public List<Socket> allOutputSockets() {
        Map<String, Socket> sockets = new LinkedHashMap<>();
        for (AlgorithmInterface anInterface : effectiveInterfaces()) {
            anInterface.outputs().forEach(s -> sockets.putIfAbsent(s.getSlug(), s));
        }
        return new ArrayList<>(sockets.values());
    }

    /** Looks up an input socket by slug. */
    public Optional<Socket> inputSocket(String slug) {
        return Optional.ofNullable(allInputSockets().get(slug));
    }
}
