package io.github.camelgc.grandchallenge.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An image; {@code name} is usually the original uploaded file name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(
        @JsonProperty("pk") String pk,
        @JsonProperty("name") String name,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("files") List<ImageFile> files,
        @JsonProperty("width") Integer width,
        @JsonProperty("height") Integer height,
        @JsonProperty("depth") Integer depth,
        @JsonProperty("color_space") String colorSpace,
        @JsonProperty("shape") List<Integer> shape) {

    public Image {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
