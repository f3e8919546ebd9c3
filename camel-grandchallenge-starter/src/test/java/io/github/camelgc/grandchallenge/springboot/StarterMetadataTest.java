package io.github.camelgc.grandchallenge.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Spring Boot metadata cannot drift from the component: every component option of
 * {@code grandchallenge.json} is a {@code camel.component.grandchallenge.*} property with the option's description
 * and default, and there is no property the component does not have (besides the starter's own switches).
 */
class StarterMetadataTest {

    private static final String PREFIX = "camel.component.grandchallenge.";
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer.enabled");

    @Test
    void everyComponentOptionIsAPropertyWithItsDescriptionAndDefault() throws Exception {
        JsonNode options = read("/META-INF/io/github/camelgc/grandchallenge/grandchallenge.json").get("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        read("/META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(property -> properties.put(property.get("name").asText(), property));

        Set<String> expected = new HashSet<>();
        options.fields().forEachRemaining(entry -> {
            String name = PREFIX + kebab(entry.getKey());
            expected.add(name);
            JsonNode option = entry.getValue();
            assertThat(properties).as("metadata of option " + entry.getKey()).containsKey(name);
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as("description of " + name)
                    .startsWith(option.get("description").asText());
            if (option.has("defaultValue")) {
                assertThat(property.path("defaultValue").asText()).as("default of " + name)
                        .isEqualTo(option.get("defaultValue").asText());
            } else {
                assertThat(property.has("defaultValue")).as("default of " + name).isFalse();
            }
        });
        STARTER_SWITCHES.forEach(name -> expected.add(PREFIX + name));
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
