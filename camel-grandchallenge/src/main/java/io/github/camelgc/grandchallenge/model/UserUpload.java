package io.github.camelgc.grandchallenge.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user upload (S3 multipart upload brokered by the API, spec §11). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserUpload(
        @JsonProperty("pk") String pk,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("filename") String filename,
        @JsonProperty("s3_upload_id") String s3UploadId,
        @JsonProperty("status") String status,
        @JsonProperty("presigned_urls") Map<String, String> presignedUrls) {
}
