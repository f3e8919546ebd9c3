package io.github.camelgc.emulator.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.images.UploadSessions;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.server.Json;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.emulator.uploads.Uploads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Imports upload-based inputs into a job or archive item: the platform's {@code build_images} followed by
 * {@code add_image_to_object}, and {@code add_file_to_object} ({@code components/tasks.py}). Each runs in the
 * calling (background) thread and reports to the {@link CivTarget}.
 */
public final class LinkedImports {

    private static final Pattern NOT_FILENAME_CHARS = Pattern.compile("[^-\\w.]", Pattern.UNICODE_CHARACTER_CLASS);

    private final EmulatorState state;
    private final UploadSessions sessions;
    private final Uploads uploads;
    private final BlobStore blobs;

    public LinkedImports(EmulatorState state, UploadSessions sessions, Uploads uploads, BlobStore blobs) {
        this.state = state;
        this.sessions = sessions;
        this.uploads = uploads;
        this.blobs = blobs;
    }

    /**
     * Imports one pending input ({@code user_uploads} and {@code upload_session} with their session already
     * {@code Re-Queued}, {@code user_upload}).
     *
     * @return whether the target got the value
     */
    public boolean apply(ParsedInput input, CivTarget target) {
        return switch (input.source()) {
            case USER_UPLOADS, UPLOAD_SESSION -> image(input.session(), input.socket(), target);
            case USER_UPLOAD -> file(input.fileUpload(), input.socket(), target);
            case DICOM_UPLOADS -> {
                target.rejected(input.socket(), "DICOM image set imports are not emulated");
                yield false;
            }
            default -> throw new IllegalArgumentException("Input " + input.socket().slug() + " needs no import");
        };
    }

    /** {@code build_images} for a socket, then {@code add_image_to_object}. */
    public boolean image(UploadSession session, Socket socket, CivTarget target) {
        Optional<List<Image>> images = sessions.build(session, socket);
        if (images.isEmpty()) {
            target.rejected(socket, session.errorMessage());
            return false;
        }
        return attach(session, images.get(), socket, target);
    }

    /**
     * {@code add_image_to_object}: exactly one image, a new socket value validated against the socket (a reused
     * one is not validated again).
     */
    public boolean attach(UploadSession session, List<Image> images, Socket socket, CivTarget target) {
        String problem = images.size() != 1 ? "Image imports should result in a single image"
                : state.hasImageValue(socket, images.get(0).pk()) ? null : ImageChecks.problem(socket, images.get(0));
        if (problem != null) {
            sessions.fail(session, socket, problem);
            target.rejected(socket, UploadSessions.forSocket(socket, problem));
            return false;
        }
        return target.put(state.imageValueFor(socket, images.get(0).pk()));
    }

    /**
     * {@code add_file_to_object}: the upload must be completed, JSON kinds must fit their schema; the file keeps the
     * upload's name (Django's {@code get_valid_filename}) and the upload is deleted.
     */
    public boolean file(Upload upload, Socket socket, CivTarget target) {
        if (!Upload.COMPLETED.equals(upload.status())) {
            target.rejected(socket, "User upload is not completed.");
            return false;
        }
        try {
            if (socket.kind().isJson()) {
                JsonNode value;
                try {
                    value = Json.MAPPER.readTree(upload.blob().toFile());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    target.rejected(socket, "The file is not valid JSON: " + e.getOriginalMessage());
                    return false;
                }
                String problem = value == null ? "The file is empty" : ValueSchemas.problem(socket.kind(), value);
                if (problem != null) {
                    target.rejected(socket, problem);
                    return false;
                }
            }
            String filename = validFilename(upload.filename());
            if (filename == null) {
                target.rejected(socket, "An unexpected error occurred");
                return false;
            }
            Path stored = blobs.copy(upload.blob(), "values/" + EmulatorState.newUuid() + "/" + filename);
            SocketValue value = state.newSocketValue(socket, null, null, stored, filename);
            uploads.delete(upload);
            return target.put(value);
        } catch (IOException | RuntimeException e) {
            target.rejected(socket, "An unexpected error occurred");
            return false;
        }
    }

    /** Django's {@code get_valid_filename}, {@code null} where it raises {@code SuspiciousFileOperation}. */
    static String validFilename(String name) {
        String s = NOT_FILENAME_CHARS.matcher(name.strip().replace(" ", "_")).replaceAll("");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? null : s;
    }
}
