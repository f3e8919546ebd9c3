package io.github.camelgc.emulator.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import java.util.List;

/**
 * One validated input of a job or archive-item update: the socket and exactly one source
 * ({@code convert_deserialized_civ_data}). {@code value} and {@code image} apply synchronously, uploads and
 * sessions are imported later.
 */
public record ParsedInput(Socket socket, Source source, JsonNode value, Image image, List<Upload> uploads,
        UploadSession session, Upload fileUpload) {

    /** Where the value comes from. */
    public enum Source {
        VALUE, IMAGE, USER_UPLOADS, UPLOAD_SESSION, USER_UPLOAD,
        /** {@code user_uploads} with {@code image_name}: a DICOM image set import (not emulated). */
        DICOM_UPLOADS
    }

    /** The same input, imported through {@code session} (the session the platform creates for {@code user_uploads}). */
    public ParsedInput withSession(UploadSession importSession) {
        return new ParsedInput(socket, source, value, image, uploads, importSession, fileUpload);
    }

    public boolean immediate() {
        return source == Source.VALUE || source == Source.IMAGE;
    }
}
