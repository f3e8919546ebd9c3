package io.github.camelgc.grandchallenge.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An archive item (a case): a set of socket values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArchiveItem(
        @JsonProperty("pk") String pk,
        @JsonProperty("title") String title,
        @JsonProperty("archive") String archive,
        @JsonProperty("values") List<SocketValue> values) {

    public ArchiveItem {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
