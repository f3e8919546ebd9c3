package io.github.camelgc.grandchallenge.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An algorithm job. The job-create response only carries {@code pk}, {@code status} and post-shape inputs; the
 * detail and list responses carry everything. Durations are nullable ISO-8601 strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(
        @JsonProperty("pk") String pk,
        @JsonProperty("url") String url,
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("algorithm_image") String algorithmImage,
        @JsonProperty("inputs") List<SocketValue> inputs,
        @JsonProperty("outputs") List<SocketValue> outputs,
        @JsonProperty("status") String status,
        @JsonProperty("exec_duration") String execDuration,
        @JsonProperty("invoke_duration") String invokeDuration) {

    public Job {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** Whether the job reached Succeeded, Failed or Cancelled. */
    public boolean isFinal() {
        return JobStatus.isFinal(status);
    }

    @Override
    public String toString() {
        return "Job[" + pk + ", " + status + "]";
    }
}
