package io.github.camelgc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.images.ImportFailure;
import io.github.camelgc.emulator.jobs.ValueFactory;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * {@code cases/upload-sessions/}: the legacy image import (spec §12). Without a target the session
 * waits in {@code Queued} for a job or item to reference it; with an archive it imports right away,
 * one new archive item per image.
 */
public final class UploadSessionsApi {

    static final int MAX_FILES = 100;

    private final ApiContext ctx;
    private final ValueFactory values;
    private final Executor background;

    public UploadSessionsApi(ApiContext ctx, ValueFactory values, Executor background) {
        this.ctx = ctx;
        this.values = values;
        this.background = background;
    }

    public void register(Router router) {
        router.get("/api/v1/cases/upload-sessions/", call -> {
            User user = call.user().orElse(null);
            List<UploadSession> own = ctx.state().sessions().stream()
                    .filter(s -> user != null && s.creatorId() == user.id()).toList();
            return Reply.ok(Pagination.page(call, own, s -> ctx.views().session(call, s)));
        });
        router.get("/api/v1/cases/upload-sessions/{pk}/", call -> {
            User user = call.user().orElse(null);
            UploadSession session = ctx.state().session(call.param("pk"))
                    .filter(s -> user != null && s.creatorId() == user.id())
                    .orElseThrow(() -> ApiError.notFound("RawImageUploadSession", call.param("pk")));
            return Reply.ok(ctx.views().session(call, session));
        });
        router.post("/api/v1/cases/upload-sessions/", this::create);
    }

    private Reply create(ApiCall call) throws IOException {
        User user = call.requireUser();
        JsonNode body = call.json();
        JsonNode links = body.get("uploads");
        if (links == null || links.isNull()) {
            throw ApiError.field("uploads", "This field is required.");
        }
        List<Upload> uploads = new ArrayList<>();
        for (JsonNode link : links) {
            try {
                uploads.add(ctx.state().upload(Hyperlinks.pk(link, "uploads"))
                        .filter(u -> u.creatorId() == user.id() && Upload.COMPLETED.equals(u.status()))
                        .orElseThrow(() -> ApiError.field("uploads", Hyperlinks.OBJECT_DOES_NOT_EXIST)));
            } catch (Hyperlinks.InvalidHyperlink e) {
                throw ApiError.field("uploads", e.getMessage());
            }
        }
        Archive archive = null;
        if (body.hasNonNull("archive")) {
            String slug = body.get("archive").asText();
            archive = ctx.state().archiveBySlug(slug).filter(a -> a.canUpload(user))
                    .orElseThrow(() -> ApiError.field("archive", "Object with slug=" + slug + " does not exist."));
        }
        long targets = List.of("archive", "archive_item", "display_set", "answer").stream()
                .filter(body::hasNonNull).count();
        if (targets > 1) {
            throw ApiError.nonField("Only one of archive, archive item, answer or reader study can be set");
        }
        if (body.hasNonNull("interface") && targets == 0) {
            throw ApiError.nonField("An interface can only be defined for archive, archive item or display set uploads.");
        }
        if (body.hasNonNull("archive_item") && !body.hasNonNull("interface")) {
            throw ApiError.nonField("An interface needs to be defined to upload to an archive item.");
        }
        if (body.hasNonNull("display_set") && !body.hasNonNull("interface")) {
            throw ApiError.nonField("An interface needs to be defined to upload to a display set.");
        }
        if (uploads.size() > MAX_FILES) {
            throw ApiError.nonField("Too many files uploaded. A maximum of 100 files may be uploaded per session.");
        }
        Set<String> names = new HashSet<>();
        for (Upload upload : uploads) {
            if (!names.add(upload.filename())) {
                throw ApiError.nonField("Filenames must be unique");
            }
        }
        Socket socket = null;
        if (body.hasNonNull("interface")) {
            String slug = body.get("interface").asText();
            socket = ctx.state().socket(slug)
                    .orElseThrow(() -> ApiError.field("interface", "Object with slug=" + slug + " does not exist."));
        }
        UploadSession session = new UploadSession(EmulatorState.newUuid(), user.id(),
                uploads.stream().map(Upload::pk).toList());
        ctx.state().addSession(session);
        Reply created = Reply.created(ctx.views().session(call, session));
        if (archive != null) {
            Archive target = archive;
            Socket itemSocket = socket != null ? socket : ctx.state().socket("generic-medical-image").orElseThrow();
            session.claim();
            background.execute(() -> importIntoArchive(session, target, itemSocket, user));
        } else if (body.hasNonNull("archive_item")) {
            throw ApiError.field("archive_item", "Invalid pk \"" + body.get("archive_item").asText()
                    + "\" - object does not exist.");
        }
        return created;
    }

    private void importIntoArchive(UploadSession session, Archive archive, Socket socket, User user) {
        try {
            for (Image image : values.processSession(session, user.id())) {
                ArchiveItem item = new ArchiveItem(EmulatorState.newUuid(), archive, "");
                item.put(ctx.state().newSocketValue(socket, null, image.pk(), null, null));
                ctx.state().addArchiveItem(item);
            }
        } catch (ImportFailure e) {
            // the session carries the error message
        }
    }
}
