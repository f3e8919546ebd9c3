package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.images.ImageImporter;
import io.github.camelgc.emulator.images.ImportFailure;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.server.Json;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns parsed inputs into socket values: immediately for values and images, by importing for uploads. */
public final class ValueFactory {

    private final EmulatorState state;
    private final ImageImporter importer;
    private final BlobStore blobs;

    public ValueFactory(EmulatorState state, ImageImporter importer, BlobStore blobs) {
        this.state = state;
        this.importer = importer;
        this.blobs = blobs;
    }

    /** The value of a {@code value} or {@code image} input. */
    public SocketValue immediate(ParsedInput input) {
        return input.source() == ParsedInput.Source.VALUE
                ? state.newSocketValue(input.socket(), input.value(), null, null, null)
                : state.newSocketValue(input.socket(), null, input.image().pk(), null, null);
    }

    /**
     * Imports an upload-based input.
     *
     * @throws ImportFailure when the upload is unusable; the job is then {@code Cancelled}
     */
    public SocketValue imported(ParsedInput input, int creatorId) throws ImportFailure {
        return switch (input.source()) {
            case USER_UPLOADS -> {
                SocketValue value = imageValue(input, importer.importUploads(input.uploads(), creatorId, null));
                input.uploads().forEach(this::delete);
                yield value;
            }
            case UPLOAD_SESSION -> imageValue(input, processSession(input.session(), creatorId));
            case USER_UPLOAD -> {
                SocketValue value = fileValue(input);
                delete(input.fileUpload());
                yield value;
            }
            default -> immediate(input);
        };
    }

    /** Successfully imported uploads are deleted, as on the platform. */
    private void delete(Upload upload) {
        state.removeUpload(upload.pk());
        try {
            if (upload.blob() != null) {
                Files.deleteIfExists(upload.blob());
            }
        } catch (IOException e) {
            // a leftover file in the storage folder is harmless
        }
    }

    /** Runs a (legacy) upload session's import, updating its status and error message. */
    public List<Image> processSession(UploadSession session, int creatorId) throws ImportFailure {
        session.processing();
        List<Upload> uploads = session.uploadPks().stream().map(pk -> state.upload(pk).orElse(null)).toList();
        try {
            if (uploads.contains(null)) {
                throw new ImportFailure(uploads.size() + (uploads.size() == 1 ? " file" : " files")
                        + " could not be imported");
            }
            List<Image> images = importer.importUploads(uploads, creatorId, session.pk());
            session.succeeded(images.stream().map(Image::pk).toList());
            uploads.forEach(this::delete);
            return images;
        } catch (ImportFailure e) {
            session.failed(e.getMessage());
            throw e;
        }
    }

    private SocketValue imageValue(ParsedInput input, List<Image> images) throws ImportFailure {
        if (images.size() != 1) {
            throw new ImportFailure("Image imports should result in a single image");
        }
        String problem = InputParser.imageProblem(input.socket(), images.get(0));
        if (problem != null) {
            throw new ImportFailure("Image validation for socket " + input.socket().title() + " failed with error: "
                    + problem);
        }
        return state.newSocketValue(input.socket(), null, images.get(0).pk(), null, null);
    }

    private SocketValue fileValue(ParsedInput input) throws ImportFailure {
        Upload upload = input.fileUpload();
        if (!Upload.COMPLETED.equals(upload.status()) || upload.blob() == null) {
            throw new ImportFailure("The upload " + upload.pk() + " is not completed");
        }
        if (input.socket().kind().isJson()) {
            try {
                JsonNode value = Json.MAPPER.readTree(upload.blob().toFile());
                String problem = value == null ? "instance is not valid JSON" : ValueSchemas.problem(input.socket().kind(), value);
                if (problem != null) {
                    throw new ImportFailure("JSON does not fulfill schema: " + problem);
                }
            } catch (IOException e) {
                throw new ImportFailure("The file of upload " + upload.pk() + " is not valid JSON", e);
            }
        }
        String filename = fileName(input);
        try {
            Path stored = blobs.copy(upload.blob(), "values/" + EmulatorState.newUuid() + "/" + filename);
            return state.newSocketValue(input.socket(), null, null, stored, filename);
        } catch (IOException e) {
            throw new ImportFailure("An unexpected error occurred", e);
        }
    }

    /** The socket's relative path names the file (as in the container); the upload's name otherwise. */
    private static String fileName(ParsedInput input) {
        String relative = input.socket().relativePath();
        String name = relative == null || relative.isBlank() ? input.fileUpload().filename() : relative;
        return Path.of(name).getFileName().toString();
    }
}
