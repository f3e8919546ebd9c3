package io.github.camelgc.grandchallenge;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.grandchallenge.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The options table of docs/component.md says what the generated metadata says: names, groups, types, defaults. */
class ComponentDocsTest {

    /** Options the endpoint declares itself (the rest of its own options live in GrandChallengeConfiguration). */
    private static final Set<String> ENDPOINT_OPTIONS = Set.of("kind", "idempotentRepository", "offsetRepository",
            "submissionRepository", "delay", "backoffErrorThreshold", "backoffMultiplier");

    @Test
    void theOptionsTableMatchesTheGeneratedMetadata() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelgc/grandchallenge/grandchallenge.json")) {
            properties = Json.mapper().readTree(in).get("properties");
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        properties.fields().forEachRemaining(option -> {
            JsonNode model = option.getValue();
            if (model.path("configurationClass").asText().endsWith(".GrandChallengeConfiguration")
                || ENDPOINT_OPTIONS.contains(option.getKey())) {
                JsonNode declared = model.get("defaultValue");
                expected.put(option.getKey(), List.of(model.path("group").asText(), model.path("type").asText(),
                        declared == null ? "" : "`" + declared.asText() + "`", model.path("description").asText()));
            }
        });

        // the module is built inside the repository: the docs are next to it
        String docs = Files.readString(Path.of("..", "docs", "component.md"), StandardCharsets.UTF_8);
        String table = docs.substring(docs.indexOf("## Options"), docs.indexOf("## Headers"));
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
                documented.put(cells[0].trim().replace("`", ""), List.of(cells[1].trim(), cells[2].trim(),
                        cells[3].trim(), cells[4].trim().replace("\\|", "|")));
            }
        }
        assertThat(documented).as("docs/component.md options (name -> group, type, default, description)")
                .containsExactlyInAnyOrderEntriesOf(expected);
    }
}
