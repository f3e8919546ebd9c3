package io.github.camelgc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRF's {@code HyperlinkedRelatedField} for request payloads: only the path of the URL counts, and it
 * must be the canonical detail path of the expected resource.
 */
public final class Hyperlinks {

    public static final String OBJECT_DOES_NOT_EXIST = "Invalid hyperlink - Object does not exist.";

    private static final Pattern DETAIL = Pattern.compile("/api/v1/(.+)/([^/]+)/");

    private Hyperlinks() {
    }

    /** Thrown for a malformed or mismatched hyperlink, with the DRF message. */
    public static final class InvalidHyperlink extends Exception {
        InvalidHyperlink(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The pk in a hyperlink to {@code /api/v1/<resource>/<pk>/}, e.g. resource {@code algorithms/jobs}.
     */
    public static String pk(JsonNode link, String resource) throws InvalidHyperlink {
        if (!link.isTextual()) {
            throw new InvalidHyperlink("Incorrect type. Expected URL string, received " + typeName(link) + ".");
        }
        String path = link.asText();
        if (path.startsWith("http:") || path.startsWith("https:")) {
            try {
                path = new URI(path).getPath();
            } catch (URISyntaxException e) {
                throw new InvalidHyperlink("Invalid hyperlink - No URL match.");
            }
        }
        Matcher m = DETAIL.matcher(path == null ? "" : path);
        if (!m.matches()) {
            throw new InvalidHyperlink("Invalid hyperlink - No URL match.");
        }
        if (!m.group(1).equals(resource)) {
            throw new InvalidHyperlink("Invalid hyperlink - Incorrect URL match.");
        }
        return m.group(2);
    }

    private static String typeName(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "list";
        }
        return node.isObject() ? "dict" : "NoneType";
    }
}
