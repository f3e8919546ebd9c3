package io.github.camelgc.grandchallenge.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An archive. The API has no {@code slug} field on it: look archives up with the slug filter. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Archive(
        @JsonProperty("pk") String pk,
        @JsonProperty("title") String title,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("url") String url,
        @JsonProperty("description") String description) {
}
