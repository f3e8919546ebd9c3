package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.api.Hyperlinks;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketKind;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates a list of socket-value inputs ({@code ComponentInterfaceValuePostSerializer}, spec §9.4–9.5
 * steps 2–6): key-level checks first, then one source per item, the super-kind rule and content checks.
 * Errors come back per item, {@code {}} for valid ones.
 */
public final class InputParser {

    static final String SOURCES = "['image', 'value', 'file', 'user_upload', 'upload_session', ('image_name', 'user_uploads')]";

    private final EmulatorState state;
    private final Visibility visibility;

    public InputParser(EmulatorState state, Visibility visibility) {
        this.state = state;
        this.visibility = visibility;
    }

    /**
     * @param field the payload key holding the list ({@code inputs} for jobs, {@code values} for items)
     * @throws ApiError 400 with per-item errors under {@code field}
     */
    public List<ParsedInput> parse(JsonNode items, User user, String field) {
        if (items == null || items.isNull()) {
            throw ApiError.field(field, "This field is required.");
        }
        if (!items.isArray()) {
            throw ApiError.of(400, Map.of(field, Map.of("non_field_errors",
                    List.of("Expected a list of items but got type \"dict\"."))));
        }
        List<Object> errors = new ArrayList<>();
        List<ParsedInput> parsed = new ArrayList<>();
        boolean failed = false;
        for (JsonNode item : items) {
            Map<String, Object> itemErrors = new LinkedHashMap<>();
            ParsedInput input = parseItem(item, user, itemErrors);
            errors.add(itemErrors);
            if (input == null) {
                failed = true;
            } else {
                parsed.add(input);
            }
        }
        if (failed) {
            throw ApiError.of(400, Map.of(field, errors));
        }
        return parsed;
    }

    private ParsedInput parseItem(JsonNode item, User user, Map<String, Object> errors) {
        JsonNode slug = item.get("interface");
        Socket socket = null;
        if (slug == null || slug.isNull()) {
            errors.put("interface", List.of("This field is required."));
        } else {
            socket = state.socket(slug.asText()).orElse(null);
            if (socket == null) {
                errors.put("interface", List.of("Object with slug=" + slug.asText() + " does not exist."));
            }
        }
        Image image = link(item, "image", "cases/images", errors,
                pk -> state.image(pk).filter(i -> visibility.canView(user, i)).orElse(null));
        UploadSession session = link(item, "upload_session", "cases/upload-sessions", errors,
                pk -> state.session(pk).filter(s -> s.creatorId() == user.id() && "Queued".equals(s.status()))
                        .orElse(null));
        Upload fileUpload = link(item, "user_upload", "uploads", errors, pk -> ownUpload(pk, user));
        List<Upload> uploads = null;
        JsonNode uploadLinks = item.get("user_uploads");
        if (present(uploadLinks)) {
            uploads = new ArrayList<>();
            Map<String, Object> listErrors = new LinkedHashMap<>();
            for (int i = 0; i < uploadLinks.size(); i++) {
                try {
                    Upload upload = ownUpload(Hyperlinks.pk(uploadLinks.get(i), "uploads"), user);
                    if (upload == null) {
                        listErrors.put(String.valueOf(i), List.of(Hyperlinks.OBJECT_DOES_NOT_EXIST));
                    }
                    uploads.add(upload);
                } catch (Hyperlinks.InvalidHyperlink e) {
                    listErrors.put(String.valueOf(i), List.of(e.getMessage()));
                }
            }
            if (!listErrors.isEmpty()) {
                errors.put("user_uploads", listErrors.size() == 1 && uploadLinks.size() == 1
                        ? listErrors.values().iterator().next() : listErrors);
            }
        }
        JsonNode imageName = item.get("image_name");
        if (imageName != null && imageName.isTextual() && imageName.asText().isBlank()) {
            errors.put("image_name", List.of("This field may not be blank."));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<String> given = new ArrayList<>();
        for (String key : List.of("image", "value", "file", "user_upload", "upload_session", "user_uploads")) {
            if (present(item.get(key))) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            return itemError(errors, "You must provide at least one of " + SOURCES + ".");
        }
        if (given.size() > 1) {
            return itemError(errors, "You can only provide one of " + SOURCES + " for each socket.");
        }
        String source = given.get(0);
        SocketKind kind = socket.kind();
        switch (socket.superKind()) {
            case "Value" -> {
                if (!source.equals("value")) {
                    return itemError(errors, "value is required for interface kind " + kind.code());
                }
                String problem = ValueSchemas.problem(kind, item.get("value"));
                if (problem != null) {
                    errors.put("__all__", List.of("JSON does not fulfill schema: " + problem));
                    return null;
                }
                return new ParsedInput(socket, ParsedInput.Source.VALUE, item.get("value"), null, null, null, null);
            }
            case "File" -> {
                if (source.equals("file")) {
                    errors.put("file", List.of("The submitted data was not a file. Check the encoding type on the form."));
                    return null;
                }
                if (!source.equals("user_upload")) {
                    return itemError(errors, "user_upload or file is required for interface kind " + kind.code());
                }
                return new ParsedInput(socket, ParsedInput.Source.USER_UPLOAD, null, null, null, null, fileUpload);
            }
            default -> {
                if (!Set.of("image", "user_uploads", "upload_session").contains(source)) {
                    return itemError(errors, "upload_session, user_uploads or image are required for interface kind "
                            + kind.code());
                }
                if (source.equals("image")) {
                    String problem = imageProblem(socket, image);
                    if (problem != null) {
                        errors.put("__all__", List.of(problem));
                        return null;
                    }
                    return new ParsedInput(socket, ParsedInput.Source.IMAGE, null, image, null, null, null);
                }
                return source.equals("user_uploads")
                        ? new ParsedInput(socket, ParsedInput.Source.USER_UPLOADS, null, null, uploads, null, null)
                        : new ParsedInput(socket, ParsedInput.Source.UPLOAD_SESSION, null, null, null, session, null);
            }
        }
    }

    /** Checks an existing image against its socket (displacement fields, segmentation labels). */
    static String imageProblem(Socket socket, Image image) {
        if (socket.kind() == SocketKind.DSPF) {
            List<Integer> shape = image.shape();
            // A 4-D image whose 4th axis holds the 3-vector: NumPy shape [3, z, y, x] (or [z, y, x, 3] as channels).
            if (shape.size() != 4 || (shape.get(0) != 3 && shape.get(3) != 3)) {
                return "Deformation and displacement field's 4th dimension must be a 3-component vector.";
            }
        }
        if (socket.kind() == SocketKind.SEG && image.segments() != null && !socket.overlaySegments().isEmpty()) {
            Set<Integer> allowed = new TreeSet<>(List.of(0));
            socket.overlaySegments().forEach(s -> allowed.add(s.voxelValue()));
            Set<Integer> extra = new TreeSet<>(image.segments());
            extra.removeAll(allowed);
            if (!extra.isEmpty()) {
                return "The valid voxel values for this segmentation are: " + set(allowed)
                        + ". This segmentation is invalid as it contains the voxel values: " + set(extra) + ".";
            }
        }
        return null;
    }

    private static String set(Set<Integer> values) {
        return "{" + String.join(", ", values.stream().map(String::valueOf).toList()) + "}";
    }

    private static ParsedInput itemError(Map<String, Object> errors, String message) {
        errors.put("non_field_errors", List.of(message));
        return null;
    }

    private Upload ownUpload(String pk, User user) {
        return state.upload(pk).filter(u -> u.creatorId() == user.id()).orElse(null);
    }

    private interface Lookup<T> {
        T find(String pk);
    }

    private static <T> T link(JsonNode item, String key, String resource, Map<String, Object> errors, Lookup<T> lookup) {
        JsonNode node = item.get(key);
        if (!present(node)) {
            return null;
        }
        try {
            T found = lookup.find(Hyperlinks.pk(node, resource));
            if (found == null) {
                errors.put(key, List.of(Hyperlinks.OBJECT_DOES_NOT_EXIST));
            }
            return found;
        } catch (Hyperlinks.InvalidHyperlink e) {
            errors.put(key, List.of(e.getMessage()));
            return null;
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
