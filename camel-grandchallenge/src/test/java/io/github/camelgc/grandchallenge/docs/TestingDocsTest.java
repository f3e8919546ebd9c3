package io.github.camelgc.grandchallenge.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route test docs/testing.md shows is {@link LobeSegmentationRouteIT}, character for character (without its
 * package line), so the example in the docs is compiled and run by every build; and its class has under 20 lines.
 */
class TestingDocsTest {

    private static final String MARKER = "<!-- the code of LobeSegmentationRouteIT -->";

    @Test
    void theDocumentedRouteTestIsOneOfOurTests() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "testing.md"), StandardCharsets.UTF_8);
        int marker = docs.indexOf(MARKER);
        assertThat(marker).as("docs/testing.md has the marker " + MARKER).isNotNegative();
        int start = docs.indexOf("```java\n", marker) + "```java\n".length();
        String documented = docs.substring(start, docs.indexOf("```\n", start));

        String source = Files.readString(Path.of("src/test/java/io/github/camelgc/grandchallenge/docs/"
                                                 + "LobeSegmentationRouteIT.java"), StandardCharsets.UTF_8);
        String withoutPackage = source.substring(source.indexOf('\n') + 1).stripLeading();
        assertThat(documented).isEqualTo(withoutPackage);

        String body = withoutPackage.substring(withoutPackage.indexOf("class "));
        assertThat(body.lines().count()).as("lines of the test class").isLessThan(20);
    }
}
