package io.github.camelgc.grandchallenge.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One stored file of an image: {@code image_type} is {@code MHD}, {@code TIFF} or {@code DZI}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageFile(
        @JsonProperty("pk") String pk,
        @JsonProperty("image") String image,
        @JsonProperty("file") String file,
        @JsonProperty("image_type") String imageType) {
}
