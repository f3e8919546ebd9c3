package io.github.camelgc.emulator;

import static io.github.camelgc.emulator.Conformance.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DRF's conventions every endpoint shares: parsers, content negotiation, pagination links. */
class ApiConventionsConformanceTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(3).build();

    private static ApiClient demo() {
        return as(gc, "demo");
    }

    @Test
    void bodiesNeedAParserForTheirContentType() {
        byte[] json = "{\"filename\": \"a.mha\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(demo().send("POST", "uploads/", json, "Content-Type", "text/plain").json())
                .hasToString("{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}");
        assertThat(demo().send("POST", "uploads/", json).json()).as("no Content-Type at all")
                .hasToString("{\"detail\":\"Unsupported media type \\\"\\\" in request.\"}");
        assertThat(demo().send("POST", "uploads/", json, "Content-Type", "application/json; charset=utf-8").status())
                .isEqualTo(201);
        assertThat(demo().send("POST", "uploads/", "filename=form.mha".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded").json().get("filename").asText())
                .as("DRF's FormParser").isEqualTo("form.mha");
        assertThat(demo().send("POST", "uploads/", null, "Content-Type", "text/plain").json().get("filename").get(0)
                .asText()).as("an empty body is {} whatever its type").isEqualTo("This field is required.");
        assertThat(demo().send("POST", "uploads/", "{\"filename\":".getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json").json().get("detail").asText()).startsWith("JSON parse error - ");
    }

    @Test
    void jsonIsTheOnlyRenderer() {
        assertThat(demo().send("GET", "algorithms/", null, "Accept", "text/html").json())
                .hasToString("{\"detail\":\"Could not satisfy the request Accept header.\"}");
        assertThat(demo().send("GET", "algorithms/", null, "Accept", "text/html, application/*;q=0.8").status())
                .isEqualTo(200);
        assertThat(demo().send("GET", "algorithms/", null, "Accept", "text/html", "Authorization", "Bearer nope")
                .status()).as("negotiation comes before authentication").isEqualTo(406);
        assertThat(demo().get("algorithms/?format=json").status()).isEqualTo(200);
        assertThat(demo().get("algorithms/?format=xml").json()).hasToString("{\"detail\":\"Not found.\"}");
        assertThat(demo().get("algorithms/").header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void paginationLinksAreRebuiltLikeReplaceQueryParam() {
        String archive = demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("pk").asText();
        var page = demo().get("cases/images/?offset=1&limit=1&archive=" + archive + "&name%20x=a+b&flag").json();
        assertThat(page.get("next").asText()).isEqualTo(gc.baseUrl() + "cases/images/?archive=" + archive
                + "&flag=&limit=1&name+x=a+b&offset=2");
        assertThat(page.get("previous").asText()).as("offset 0 is dropped").isEqualTo(gc.baseUrl()
                + "cases/images/?archive=" + archive + "&flag=&limit=1&name+x=a+b");
    }
}
