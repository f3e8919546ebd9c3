package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import java.util.List;

/**
 * One validated input of a job or archive-item update: the socket and exactly one source.
 * {@code value} and {@code image} apply synchronously, uploads and sessions are imported later.
 */
public record ParsedInput(Socket socket, Source source, JsonNode value, Image image, List<Upload> uploads,
        UploadSession session, Upload fileUpload) {

    /** Where the value comes from. */
    public enum Source { VALUE, IMAGE, USER_UPLOADS, UPLOAD_SESSION, USER_UPLOAD }

    public boolean immediate() {
        return source == Source.VALUE || source == Source.IMAGE;
    }
}
