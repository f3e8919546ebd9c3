package io.github.camelgc.emulator.images;

import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.uploads.Uploads;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Raw image upload sessions ({@code RawImageUploadSession} in {@code cases/models.py}, {@code build_images} and
 * {@code handle_build_images_error} in {@code cases/tasks.py}, the error handler in {@code core/error_handlers.py}).
 * A session imported for a socket of a job or archive item reports failures as
 * {@code Image validation for socket <title> failed with error: <message>.}; one with an archive or item target
 * reports import failures plainly.
 */
public final class UploadSessions {

    private final EmulatorState state;
    private final ImageImporter importer;
    private final Uploads uploads;
    private final Clock clock;

    public UploadSessions(EmulatorState state, ImageImporter importer, Uploads uploads, Clock clock) {
        this.state = state;
        this.importer = importer;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** A new {@code Queued} session of the user's uploads, visible in {@code cases/upload-sessions/}. */
    public UploadSession create(User user, List<Upload> sessionUploads) {
        UploadSession session = new UploadSession(EmulatorState.newUuid(), user.id(),
                sessionUploads.stream().map(Upload::pk).toList(), clock.instant());
        state.addSession(session);
        return session;
    }

    /**
     * {@code build_images} on a {@code Re-Queued} session, in the calling thread: at least one image is a success
     * (the message then names files that could not be imported) and the uploads are deleted; otherwise the session
     * fails.
     *
     * @param linkedSocket the socket of the job or item the session was processed for, or {@code null}
     * @return the images, or empty when the session failed
     */
    public Optional<List<Image>> build(UploadSession session, Socket linkedSocket) {
        // Deleted uploads simply drop out of the session's many-to-many relation.
        List<Upload> files = session.uploadPks().stream().map(pk -> state.upload(pk).orElse(null))
                .filter(Objects::nonNull).toList();
        try {
            ImageImporter.Result result = importer.importUploads(files, session.creatorId(), session.pk());
            List<Image> images = result.images().stream().sorted(Comparator.comparing(Image::name)
                    .thenComparing(Image::pk)).toList();
            session.succeeded(images.stream().map(Image::pk).toList(), result.message());
            files.forEach(uploads::delete);
            session.uploadsDeleted();
            return Optional.of(images);
        } catch (ImportFailure e) {
            fail(session, linkedSocket, e.getMessage());
            return Optional.empty();
        }
    }

    /** Marks the session {@code Failed}, with the socket's wording when it was processed for a socket. */
    public void fail(UploadSession session, Socket socket, String message) {
        session.failed(socket == null ? message : forSocket(socket, message));
    }

    /** {@code update_status(detailed_error_message=...)}: the message of a failure for one socket. */
    public static String forSocket(Socket socket, String message) {
        return "Image validation for socket " + socket.title() + " failed with error: " + message + ".";
    }
}
