package io.github.camelgc.emulator.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.drf.Field;
import io.github.camelgc.emulator.drf.Form;
import io.github.camelgc.emulator.drf.Invalid;
import io.github.camelgc.emulator.drf.Parser;
import io.github.camelgc.emulator.drf.Parsers;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketKind;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform's {@code ComponentInterfaceValuePostSerializer} ({@code components/serializers.py}) for the
 * {@code inputs} of a job and the {@code values} of an archive item: first every field of an item (socket slug,
 * hyperlinks to images, sessions and uploads the caller may use, {@code file}, {@code image_name}), then the item
 * as a whole: at least one key, at most one non-null source, the source the socket's super kind needs, and for
 * values and existing images the model's {@code full_clean} (errors under {@code __all__}).
 */
public final class InputParser {

    static final String SOURCES = "['image', 'value', 'file', 'user_upload', 'upload_session', ('image_name', 'user_uploads')]";
    private static final List<String> KEYS = List.of("value", "file", "image", "upload_session", "user_upload",
            "user_uploads", "image_name");

    private final EmulatorState state;
    private final Visibility visibility;

    public InputParser(EmulatorState state, Visibility visibility) {
        this.state = state;
        this.visibility = visibility;
    }

    /** The list field ({@code many=True}) of socket-value items, for the given caller. */
    public Parser<List<ParsedInput>> items(User user) {
        return Parsers.items(false, item -> parseItem(item, user));
    }

    private ParsedInput parseItem(Form item, User user) throws Invalid {
        Field<Socket> socket = item.required("interface", Parsers.slug(slug -> state.socket(slug).orElse(null)));
        Field<JsonNode> value = item.nullable("value", Parsers.anyJson());
        Field<Void> file = item.nullable("file", Parsers.file());
        Field<Image> image = item.nullable("image", Parsers.hyperlink("cases/images",
                pk -> state.image(pk).filter(i -> visibility.canView(user, i)).orElse(null)));
        Field<UploadSession> session = item.nullable("upload_session", Parsers.hyperlink("cases/upload-sessions",
                pk -> state.session(pk).filter(s -> s.creatorId() == user.id()
                        && UploadSession.QUEUED.equals(s.status())).orElse(null)));
        Field<Upload> upload = item.nullable("user_upload", Parsers.hyperlink("uploads", pk -> ownUpload(pk, user)));
        Field<List<Upload>> uploads = item.nullable("user_uploads",
                Parsers.manyHyperlinks("uploads", pk -> ownUpload(pk, user)));
        Field<String> imageName = item.nullable("image_name", Parsers.chars(null, false));
        if (!item.valid()) {
            return null;
        }
        Map<String, Field<?>> fields = Map.of("value", value, "file", file, "image", image, "upload_session", session,
                "user_upload", upload, "user_uploads", uploads, "image_name", imageName);
        Set<String> given = new LinkedHashSet<>();
        Set<String> notNull = new LinkedHashSet<>();
        for (String key : KEYS) {
            if (fields.get(key).given()) {
                given.add(key);
            }
            if (fields.get(key).present()) {
                notNull.add(key);
            }
        }
        if (given.isEmpty()) {
            throw nonField("You must provide at least one of " + SOURCES + ".");
        }
        boolean dicomPair = notNull.equals(Set.of("image_name", "user_uploads"));
        if (notNull.size() > 1 && !dicomPair) {
            throw nonField("You can only provide one of " + SOURCES + " for each socket.");
        }
        Socket s = socket.value();
        SocketKind kind = s.kind();
        boolean someUploads = uploads.present() && !uploads.value().isEmpty();
        switch (s.superKind()) {
            case "Image" -> {
                if (kind == SocketKind.DCMIS) {
                    if (!image.present() && !(someUploads && imageName.present())) {
                        throw nonField("either user_uploads with image_name, or image are required for interface kind "
                                + kind.code());
                    }
                } else if (!image.present() && !someUploads && !session.present()) {
                    throw nonField("upload_session, user_uploads or image are required for interface kind " + kind.code());
                }
            }
            case "Value" -> {
                if (!value.present()) {
                    throw nonField("value is required for interface kind " + kind.code());
                }
            }
            default -> {
                if (!upload.present()) {
                    throw nonField("user_upload or file is required for interface kind " + kind.code());
                }
            }
        }
        if (dicomPair) {
            return new ParsedInput(s, ParsedInput.Source.DICOM_UPLOADS, null, null, uploads.value(), null, null);
        }
        if (session.present()) {
            return new ParsedInput(s, ParsedInput.Source.UPLOAD_SESSION, null, null, null, session.value(), null);
        }
        if (upload.present()) {
            return new ParsedInput(s, ParsedInput.Source.USER_UPLOAD, null, null, null, null, upload.value());
        }
        if (someUploads) {
            return new ParsedInput(s, ParsedInput.Source.USER_UPLOADS, null, null, uploads.value(), null, null);
        }
        // No upload: the model's full_clean now (DRF does not call it itself).
        if (image.present()) {
            String problem = ImageChecks.problem(s, image.value());
            if (problem != null) {
                throw Invalid.detail(Map.of("__all__", List.of(problem)));
            }
            return new ParsedInput(s, ParsedInput.Source.IMAGE, null, image.value(), null, null, null);
        }
        String problem = ValueSchemas.problem(kind, value.value());
        if (problem != null) {
            throw Invalid.detail(Map.of("__all__", List.of(problem)));
        }
        return new ParsedInput(s, ParsedInput.Source.VALUE, value.value(), null, null, null, null);
    }

    private static Invalid nonField(String message) {
        return Invalid.detail(Map.of(Form.NON_FIELD, List.of(message)));
    }

    private Upload ownUpload(String pk, User user) {
        return state.upload(pk).filter(u -> u.creatorId() == user.id()).orElse(null);
    }
}
