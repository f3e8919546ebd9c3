package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthAndPaginationTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    private ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    @Test
    void versionEndpointIsOpenAndJsonWithoutCharset() {
        ApiClient.Answer answer = demo().withAuthorization(null).get("gcapi/");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.json().get("latest_version").asText()).isEqualTo("0.13.2");
        assertThat(answer.json().get("lowest_supported_version").asText()).isEqualTo("0.13.0");
    }

    @Test
    void badTokensAre401WithBearerChallengeEvenOnPublicEndpoints() {
        ApiClient.Answer invalid = demo().withAuthorization("Bearer " + "ab".repeat(32)).get("gcapi/");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(invalid.header("Content-Type")).isEqualTo("application/json");
        assertThat(invalid.header("Content-Encoding")).as("no response compression").isNull();
        assertThat(invalid.json().get("detail").asText()).isEqualTo("Invalid token.");

        assertThat(demo().withAuthorization("Bearer").get("algorithms/").json().get("detail").asText())
                .isEqualTo("Invalid token header. No credentials provided.");
        assertThat(demo().withAuthorization("Bearer a b").get("algorithms/").json().get("detail").asText())
                .isEqualTo("Invalid token header. Token string should not contain spaces.");
    }

    @Test
    void keywordIsCaseInsensitiveAndOtherSchemesAreAnonymous() {
        ApiClient upper = demo().withAuthorization("BEARER " + gc.token("demo"));
        assertThat(upper.get("algorithms/?slug=pulmonary-lobe-segmentation").json().get("count").asInt()).isEqualTo(1);

        ApiClient otherScheme = demo().withAuthorization("Token " + gc.token("demo"));
        assertThat(otherScheme.get("algorithms/").json().get("count").asInt()).isZero();
        ApiClient.Answer interfaces = otherScheme.get("components/interfaces/");
        assertThat(interfaces.status()).isEqualTo(401);
        assertThat(interfaces.json().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(otherScheme.post("uploads/", "{\"filename\": \"a.mha\"}").status()).isEqualTo(401);
    }

    @Test
    void invisibleObjectsAre404WithTheModelName() {
        ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
        String covid = demo().get("algorithms/?slug=pulmonary-lobe-segmentation-for-covid-19-ct-scans").json()
                .get("results").get(0).get("pk").asText();
        assertThat(other.get("algorithms/?slug=pulmonary-lobe-segmentation-for-covid-19-ct-scans").json()
                .get("count").asInt()).isZero();
        ApiClient.Answer detail = other.get("algorithms/" + covid + "/");
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.json().get("detail").asText()).isEqualTo("No Algorithm matches the given query.");
        ApiClient.Answer malformed = other.get("algorithms/not-a-uuid/");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asText()).isEqualTo("Not found.");
    }

    @Test
    void paginationFollowsDrfLimitOffsetIncludingThePreviousQuirk() {
        JsonNode first = demo().get("components/interfaces/?limit=3&unknown=ignored").json();
        int count = first.get("count").asInt();
        assertThat(count).isGreaterThan(7);
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("next").asText()).isEqualTo(gc.baseUrl() + "components/interfaces/?limit=3&offset=3&unknown=ignored");

        JsonNode second = demo().get(first.get("next").asText()).json();
        assertThat(second.get("previous").asText()).isEqualTo(gc.baseUrl() + "components/interfaces/?limit=3&unknown=ignored");
        JsonNode third = demo().get(second.get("next").asText()).json();
        assertThat(third.get("previous").asText()).endsWith("?limit=3&offset=3&unknown=ignored");

        List<Integer> pks = new ArrayList<>();
        String next = gc.baseUrl() + "components/interfaces/?limit=4";
        while (next != null) {
            JsonNode page = demo().get(next).json();
            page.get("results").forEach(s -> pks.add(s.get("pk").asInt()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertThat(pks).hasSize(count).isSorted();
        assertThat(demo().get("components/interfaces/?offset=1000").json().get("results")).isEmpty();
        assertThat(demo().get("components/interfaces/?limit=-5").json().get("results")).hasSize(Math.min(count, 100));
    }

    @Test
    void socketShapeMatchesTheSpec() {
        JsonNode page = demo().get("components/interfaces/?slug=generic-medical-image").json();
        assertThat(page.get("count").asInt()).isEqualTo(1);
        JsonNode socket = page.get("results").get(0);
        assertThat(socket.fieldNames()).toIterable().containsExactly("title", "description", "slug", "kind", "pk",
                "default_value", "super_kind", "relative_path", "overlay_segments", "look_up_table");
        assertThat(socket.get("kind").asText()).isEqualTo("Image");
        assertThat(socket.get("super_kind").asText()).isEqualTo("Image");
        assertThat(socket.get("relative_path").asText()).isEmpty();

        JsonNode results = demo().get("components/interfaces/?slug=results-json-file").json().get("results").get(0);
        assertThat(results.get("kind").asText()).isEqualTo("Anything");
        assertThat(results.get("super_kind").asText()).isEqualTo("File");
        JsonNode volume = demo().get("components/interfaces/?slug=lung-volume").json().get("results").get(0);
        assertThat(volume.get("super_kind").asText()).isEqualTo("Value");
        JsonNode lobes = demo().get("components/interfaces/?slug=pulmonary-lobes").json().get("results").get(0);
        assertThat(lobes.get("overlay_segments")).hasSize(5);
        assertThat(lobes.get("overlay_segments").get(0).get("voxel_value").asInt()).isEqualTo(1);
    }

    @Test
    void algorithmsAreFoundBySlugWithInterfacesAndAbsoluteUrls() {
        JsonNode page = demo().get("algorithms/?slug=deep-learning-based-ct-lung-registration&offset=0&limit=100").json();
        assertThat(page.get("count").asInt()).isEqualTo(1);
        JsonNode algorithm = page.get("results").get(0);
        assertThat(algorithm.get("api_url").asText()).isEqualTo(gc.baseUrl() + "algorithms/" + algorithm.get("pk").asText() + "/");
        assertThat(algorithm.get("url").asText()).endsWith("/algorithms/deep-learning-based-ct-lung-registration/");
        List<String> inputs = new ArrayList<>();
        algorithm.get("interfaces").get(0).get("inputs").forEach(s -> inputs.add(s.get("slug").asText()));
        assertThat(inputs).containsExactlyInAnyOrder("fixed-image", "moving-image", "fixed-mask", "moving-mask");
        assertThat(demo().get(algorithm.get("api_url").asText()).json().get("slug").asText())
                .isEqualTo("deep-learning-based-ct-lung-registration");
        assertThat(demo().get("algorithms/images/?algorithm=" + algorithm.get("pk").asText()).json().get("count").asInt())
                .as("algorithm images are for editors only").isZero();
    }

    @Test
    void readOnlyEndpointsRefuseWritesWith405() {
        ApiClient.Answer answer = demo().post("components/interfaces/", "{}");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("detail").asText()).isEqualTo("Method \"POST\" not allowed.");
        ApiClient.Answer anonymous = demo().withAuthorization(null).post("components/interfaces/", "{}");
        assertThat(anonymous.status()).as("permission before method").isEqualTo(401);
    }
}
