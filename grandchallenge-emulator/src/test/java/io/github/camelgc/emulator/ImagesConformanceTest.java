package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The platform's answers for {@code cases/images/} ({@code ImageFilterSet} in {@code cases/filters.py}). */
class ImagesConformanceTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(3).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    private static String archivePk() {
        return demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("pk").asText();
    }

    @Test
    void modelChoiceFiltersUseDjangosMessages() {
        assertThat(demo().get("cases/images/?archive=nope").json())
                .hasToString("{\"archive\":[\"\u201cnope\u201d is not a valid value.\"]}");
        String unknown = UUID.randomUUID().toString();
        assertThat(demo().get("cases/images/?job_input=" + unknown).json()).hasToString("{\"job_input\":[\"Select a "
                + "valid choice. " + unknown + " is not one of the available choices.\"]}");
        assertThat(demo().get("cases/images/?reader_study=" + unknown).json().get("reader_study").get(0).asText())
                .startsWith("Select a valid choice.");
        assertThat(demo().get("cases/images/?archive=" + archivePk().replace("-", "")).json().get("archive").get(0)
                .asText()).as("a UUID without hyphens is not str(pk)").startsWith("Select a valid choice.");
        assertThat(demo().get("cases/images/?origin=" + unknown).json()).hasToString("{\"origin\":[\"Select a valid "
                + "choice. That choice is not one of the available choices.\"]}");
        JsonNode several = demo().get("cases/images/?archive=x&origin=y&patient_sex=Q&study_date=soon").json();
        assertThat(several.fieldNames()).toIterable().containsExactlyInAnyOrder("archive", "origin", "patient_sex",
                "study_date");
        assertThat(several.get("patient_sex").get(0).asText()).isEqualTo("Select a valid choice. Q is not one of the "
                + "available choices.");
        assertThat(several.get("study_date").get(0).asText()).isEqualTo("Enter a valid date.");
    }

    @Test
    void metadataFiltersMatchTheBlankMetadataOfTheEmulatorsImages() {
        String archive = "cases/images/?archive=" + archivePk();
        assertThat(demo().get(archive).json().get("count").asInt()).isEqualTo(3);
        assertThat(demo().get(archive + "&patient_id__isempty=true").json().get("count").asInt()).isEqualTo(3);
        assertThat(demo().get(archive + "&patient_id__isempty=false").json().get("count").asInt()).isZero();
        assertThat(demo().get(archive + "&patient_id__isempty=maybe").json().get("count").asInt())
                .as("NullBooleanSelect: an unknown spelling filters nothing").isEqualTo(3);
        assertThat(demo().get(archive + "&patient_sex=F").json().get("count").asInt()).isZero();
        assertThat(demo().get(archive + "&patient_birth_date=2020-01-31").json().get("count").asInt()).isZero();
        assertThat(demo().get(archive + "&patient_id=").json().get("count").asInt()).isEqualTo(3);
        assertThat(demo().get(archive + "&name=coronacases_002.mha").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void imagesAreOrderedByNameAndVisibleThroughTheirArchive() {
        JsonNode page = demo().get("cases/images/?archive=" + archivePk()).json();
        assertThat(page.get("results").findValuesAsText("name")).containsExactly("coronacases_001.mha",
                "coronacases_002.mha", "coronacases_003.mha");
        assertThat(as(gc, "other").get("cases/images/?archive=" + archivePk()).json().get("count").asInt())
                .as("the filter accepts any archive; the permission filter hides its images").isZero();
        String pk = page.get("results").get(0).get("pk").asText();
        assertThat(as(gc, "other").get("cases/images/" + pk + "/").json().get("detail").asText())
                .isEqualTo("No Image matches the given query.");
        assertThat(demo().get("cases/images/" + pk.toUpperCase() + "/").status()).isEqualTo(200);
    }
}
