package io.github.camelgc.emulator.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.drf.PyText;
import io.github.camelgc.emulator.model.SocketKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The platform's per-kind value schemas ({@code components/schemas.py}, validated with jsonschema by
 * {@code JSONValidator} in {@code core/validators.py}) and its message: {@code JSON does not fulfill schema: instance }
 * followed by jsonschema's message with {@code str(instance) + " "} removed, so a string instance keeps its quotes
 * ({@code instance 'tall' is not of type 'number'}) and a number loses itself ({@code instance is not of type
 * 'string'}). Simple kinds are checked completely; annotation kinds on their top level (type, required and allowed
 * properties, the {@code type} tag), not their nested coordinates; charts (Vega-Lite) not at all. Hand-written: no
 * Java JSON-schema library reproduces jsonschema's wording and best-match choice.
 */
public final class ValueSchemas {

    /** An annotation kind's top level: its {@code type} tag, required properties (in order) and allowed ones. */
    private record Annotation(String tag, boolean constTag, List<String> required, List<String> allowed) {
    }

    private static final List<String> BOX = List.of("name", "type", "corners", "version", "probability");
    private static final Map<SocketKind, Annotation> ANNOTATIONS = Map.ofEntries(
            Map.entry(SocketKind._2DBB, new Annotation("2D bounding box", false, List.of("version", "type", "corners"), BOX)),
            Map.entry(SocketKind.M2DB, new Annotation("Multiple 2D bounding boxes", false,
                    List.of("version", "type", "boxes"), List.of("name", "type", "boxes", "version"))),
            Map.entry(SocketKind.DIST, new Annotation("Distance measurement", false,
                    List.of("version", "type", "start", "end"), List.of("name", "type", "start", "end", "version",
                            "probability"))),
            Map.entry(SocketKind.MDIS, new Annotation("Multiple distance measurements", false,
                    List.of("version", "type", "lines"), List.of("name", "type", "lines", "version"))),
            Map.entry(SocketKind.POIN, new Annotation("Point", false, List.of("version", "type", "point"),
                    List.of("name", "type", "point", "version", "probability"))),
            Map.entry(SocketKind.MPOI, new Annotation("Multiple points", false, List.of("version", "type", "points"),
                    List.of("name", "type", "points", "version"))),
            Map.entry(SocketKind.POLY, new Annotation("Polygon", false,
                    List.of("seed_point", "path_points", "sub_type", "groups", "type", "version"),
                    List.of("name", "type", "seed_point", "path_points", "sub_type", "groups", "version",
                            "probability"))),
            Map.entry(SocketKind.MPOL, new Annotation("Multiple polygons", false, List.of("type", "version", "polygons"),
                    List.of("type", "name", "polygons", "version"))),
            Map.entry(SocketKind.LINE, new Annotation("Line", false,
                    List.of("seed_points", "path_point_lists", "type", "version"),
                    List.of("name", "type", "seed_points", "path_point_lists", "version", "probability"))),
            Map.entry(SocketKind.MLIN, new Annotation("Multiple lines", false, List.of("type", "version", "lines"),
                    List.of("type", "name", "lines", "version"))),
            Map.entry(SocketKind.ANGL, new Annotation("Angle", false, List.of("lines", "version", "type"),
                    List.of("name", "type", "lines", "version", "probability"))),
            Map.entry(SocketKind.MANG, new Annotation("Multiple angles", false, List.of("type", "version", "angles"),
                    List.of("type", "name", "angles", "version"))),
            Map.entry(SocketKind.ELLI, new Annotation("Ellipse", false,
                    List.of("version", "type", "major_axis", "minor_axis"),
                    List.of("name", "type", "major_axis", "minor_axis", "version", "probability"))),
            Map.entry(SocketKind.MELL, new Annotation("Multiple ellipses", false, List.of("version", "type", "ellipses"),
                    List.of("name", "type", "ellipses", "version"))),
            Map.entry(SocketKind._3ANG, new Annotation("Three-point angle", true, List.of("version", "type", "angle"),
                    List.of("name", "type", "angle", "version", "probability"))),
            Map.entry(SocketKind.M3AN, new Annotation("Multiple three-point angles", false,
                    List.of("version", "type", "angles"), List.of("name", "type", "angles", "version"))));

    /** jsonschema's message and the instance it is about. */
    private record Failure(String message, JsonNode instance) {
    }

    private ValueSchemas() {
    }

    /** The platform's message for a value that does not fit the kind, or {@code null} when it fits. */
    public static String problem(SocketKind kind, JsonNode value) {
        Failure failure = check(kind, value);
        if (failure == null) {
            return null;
        }
        // Python's str.replace: every occurrence.
        return "JSON does not fulfill schema: instance "
                + failure.message().replace(PyText.str(failure.instance()) + " ", "");
    }

    private static Failure check(SocketKind kind, JsonNode value) {
        return switch (kind) {
            case STR, CHOI -> type(value, "string");
            case INT -> type(value, "integer");
            case FLT -> type(value, "number");
            case BOOL -> type(value, "boolean");
            case JSON, CHART -> null;
            case MCHO -> {
                Failure failure = type(value, "array");
                if (failure != null) {
                    yield failure;
                }
                for (JsonNode item : value) {
                    if ((failure = type(item, "string")) != null) {
                        yield failure;
                    }
                }
                yield null;
            }
            case ATRG -> {
                Failure failure = type(value, "object");
                yield failure != null ? failure : required(value, List.of("3d_affine_transform"));
            }
            default -> annotation(ANNOTATIONS.get(kind), value);
        };
    }

    private static Failure annotation(Annotation schema, JsonNode value) {
        if (schema == null) {
            return null;
        }
        Failure failure = type(value, "object");
        if (failure == null) {
            failure = required(value, schema.required());
        }
        if (failure == null) {
            TreeSet<String> extras = new TreeSet<>();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!schema.allowed().contains(name)) {
                    extras.add(name);
                }
            }
            if (!extras.isEmpty()) {
                List<String> quoted = new ArrayList<>();
                extras.forEach(e -> quoted.add(PyText.quote(e)));
                failure = new Failure("Additional properties are not allowed (" + String.join(", ", quoted)
                        + (extras.size() == 1 ? " was" : " were") + " unexpected)", value);
            }
        }
        // Less relevant (deeper) than the top-level errors above.
        JsonNode tag = value.get("type");
        if (failure == null && tag != null && !(tag.isTextual() && tag.asText().equals(schema.tag()))) {
            failure = new Failure(schema.constTag() ? PyText.quote(schema.tag()) + " was expected"
                    : PyText.repr(tag) + " is not one of [" + PyText.quote(schema.tag()) + "]", tag);
        }
        return failure;
    }

    private static Failure required(JsonNode value, List<String> names) {
        for (String name : names) {
            if (!value.has(name)) {
                return new Failure(PyText.quote(name) + " is a required property", value);
            }
        }
        return null;
    }

    private static Failure type(JsonNode value, String type) {
        boolean fits = switch (type) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            // Draft 7: a float with an integral value is an integer.
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(
                    value.doubleValue()) && !Double.isInfinite(value.doubleValue()));
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            default -> value.isObject();
        };
        return fits ? null : new Failure(PyText.repr(value) + " is not of type '" + type + "'", value);
    }
}
