package io.github.camelgc.emulator.drf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DRF's {@code HyperlinkedRelatedField} for request payloads: only the path of an {@code http(s):} URL counts, it
 * must resolve to a route of the platform's API router ({@code api/urls.py}), and to the expected detail view.
 */
public final class Hyperlinks {

    public static final String DOES_NOT_EXIST = "Invalid hyperlink - Object does not exist.";
    public static final String NO_MATCH = "Invalid hyperlink - No URL match.";
    public static final String INCORRECT_MATCH = "Invalid hyperlink - Incorrect URL match.";

    /** The router's prefixes in registration order (an earlier prefix wins, as Django resolves in order). */
    private static final List<String> PREFIXES = List.of("algorithms/images", "algorithms/jobs", "algorithms",
            "archives/items", "archives", "cases/images", "cases/upload-sessions", "challenges",
            "components/interfaces", "evaluations", "notifications", "profiles/users", "reader-studies/answers",
            "reader-studies/questions", "reader-studies/display-sets", "reader-studies", "subscriptions", "uploads",
            "workstations/configs", "workstations/feedback", "workstations/sessions", "workstations");

    /** Extra routes (actions and plain views) that resolve, so pointing a hyperlink at them is an "Incorrect" match. */
    private static final Pattern OTHER_ROUTES = Pattern.compile("(|gcapi/|timezone/|github/|profiles/users/self/"
            + "|uploads/[^/.]+/[^/]+/(list-parts|generate-presigned-urls|complete-multipart-upload"
            + "|abort-multipart-upload)/|archives/[^/.]+/(patients|studies)/|cases/images/[^/.]+/dicom/"
            + "(instances|frames)/)");

    private static final Pattern DETAIL_PK = Pattern.compile("[^/.]+");

    private Hyperlinks() {
    }

    /** A resolved API path: the router prefix and, for a detail route, its pk. */
    private record Resolved(String prefix, String pk) {
    }

    /**
     * The canonical pk of a hyperlink to {@code /api/v1/<resource>/<uuid>/}.
     *
     * @throws Invalid with DRF's message (or Django's UUID message for a malformed pk)
     */
    public static String uuidPk(JsonNode link, String resource) throws Invalid {
        String pk = pk(link, resource);
        return PyUuid.parse(pk).orElseThrow(() -> Invalid.of(PyUuid.invalidMessage(pk)));
    }

    /** The raw pk of a hyperlink to the detail view of {@code resource}. */
    public static String pk(JsonNode link, String resource) throws Invalid {
        if (!link.isTextual()) {
            throw Invalid.of("Incorrect type. Expected URL string, received " + PyText.typeName(link) + ".");
        }
        String path = link.asText();
        if (path.startsWith("http:") || path.startsWith("https:")) {
            path = urlPath(path);
        }
        Resolved resolved = resolve(unquote(path)).orElseThrow(() -> Invalid.of(NO_MATCH));
        if (!resource.equals(resolved.prefix()) || resolved.pk() == null) {
            throw Invalid.of(INCORRECT_MATCH);
        }
        return resolved.pk();
    }

    private static Optional<Resolved> resolve(String path) {
        if (!path.startsWith("/api/v1/")) {
            return Optional.empty();
        }
        String rest = path.substring("/api/v1/".length());
        for (String prefix : PREFIXES) {
            if (rest.equals(prefix + "/")) {
                return Optional.of(new Resolved(prefix, null));
            }
            if (rest.startsWith(prefix + "/") && rest.endsWith("/")) {
                String pk = rest.substring(prefix.length() + 1, rest.length() - 1);
                if (DETAIL_PK.matcher(pk).matches()) {
                    return Optional.of(new Resolved(prefix, pk));
                }
            }
        }
        return OTHER_ROUTES.matcher(rest).matches() ? Optional.of(new Resolved("", null)) : Optional.empty();
    }

    /** {@code urllib.parse.urlparse(url).path}. */
    private static String urlPath(String url) {
        int scheme = url.indexOf(':');
        String rest = url.substring(scheme + 1);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            int query = firstOf(rest, 2, '?', '#');
            if (slash < 0 || (query >= 0 && query < slash)) {
                return "";
            }
            rest = rest.substring(slash);
        }
        int end = firstOf(rest, 0, '?', '#');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static int firstOf(String s, int from, char a, char b) {
        int i = s.indexOf(a, from);
        int j = s.indexOf(b, from);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** {@code urllib.parse.unquote}: percent escapes as UTF-8, {@code +} kept. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
