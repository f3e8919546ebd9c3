package io.github.camelgc.grandchallenge.model;

import io.github.camelgc.grandchallenge.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelParsingTest {

    @Test
    void socketsParseFromFullObjectsAndFromPostShapeSlugs() throws Exception {
        Socket full = Json.mapper().readValue("""
                {"title": "CT Image", "slug": "ct-image", "kind": "Image", "super_kind": "Image", "pk": 17,
                 "relative_path": "images/ct", "look_up_table": null, "brand_new_field": 1}""", Socket.class);
        assertThat(full.getSlug()).isEqualTo("ct-image");
        assertThat(full.superKind()).isEqualTo(SuperKind.IMAGE);
        assertThat(full.describe()).isEqualTo("CT Image (Image)");

        Job created = Json.mapper().readValue("""
                {"pk": "7c0e", "inputs": [{"interface": "age", "value": 42, "file": null, "image": null,
                 "pk": 1, "image_name": null}], "status": "Validating inputs"}""", Job.class);
        assertThat(created.inputs().get(0).slug()).isEqualTo("age");
        assertThat(created.inputs().get(0).value().asInt()).isEqualTo(42);
        assertThat(created.isFinal()).isFalse();
    }

    @Test
    void legacyAlgorithmShapeIsOneInterface() throws Exception {
        Algorithm legacy = Json.mapper().readValue("""
                {"pk": "a", "slug": "old", "api_url": "https://h/api/v1/algorithms/a/",
                 "inputs": [{"slug": "generic-medical-image", "kind": "Image", "super_kind": "Image"}],
                 "outputs": [{"slug": "results-json-file", "kind": "Anything", "super_kind": "File"}]}""",
                Algorithm.class);
        assertThat(legacy.effectiveInterfaces()).hasSize(1);
        assertThat(legacy.effectiveInterfaces().get(0).inputs()).extracting(Socket::getSlug)
                .containsExactly("generic-medical-image");
        assertThat(legacy.allOutputSockets()).extracting(Socket::getSlug).containsExactly("results-json-file");
    }

    @Test
    void unknownStatusesAreInProgressAndNullDurationsAreFine() throws Exception {
        Job job = Json.mapper().readValue("""
                {"pk": "j", "status": "Some Future Status", "exec_duration": null, "invoke_duration": null,
                 "outputs": [], "rendered_result_text": "old"}""", Job.class);
        assertThat(job.isFinal()).isFalse();
        assertThat(JobStatus.isFinal("Cancelled")).isTrue();
        assertThat(JobStatus.isFinal("succeeded")).isTrue();
        assertThat(SuperKind.fromLabel("value")).isEqualTo(SuperKind.VALUE);
        assertThat(SuperKind.fromLabel("Widget")).isEqualTo(SuperKind.UNKNOWN);
    }
}
