package io.github.camelgc.grandchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The metadata Camel's tooling reads from the jar: component.properties agrees with the component JSON. */
class ComponentMetadataTest {

    @Test
    void componentPropertiesNameTheComponentAndThisArtifact() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/services/org/apache/camel/component.properties")) {
            properties.load(in);
        }
        JsonNode component;
        try (InputStream in = resource("META-INF/io/github/camelgc/grandchallenge/grandchallenge.json")) {
            component = new ObjectMapper().readTree(in).get("component");
        }

        assertThat(properties.getProperty("components")).isEqualTo("grandchallenge");
        assertThat(properties.getProperty("groupId")).isEqualTo(component.get("groupId").asText())
                .isEqualTo("io.github.camelgc");
        assertThat(properties.getProperty("artifactId")).isEqualTo(component.get("artifactId").asText())
                .isEqualTo("camel-grandchallenge");
        assertThat(properties.getProperty("version")).isEqualTo(component.get("version").asText()).isNotBlank();
        assertThat(properties.getProperty("projectName")).isNotBlank().doesNotContain("${");
        assertThat(properties.getProperty("projectDescription")).contains("Camel").doesNotContain("${");
    }

    private static InputStream resource(String name) {
        InputStream in = ComponentMetadataTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name + " on the class path").isNotNull();
        return in;
    }
}
