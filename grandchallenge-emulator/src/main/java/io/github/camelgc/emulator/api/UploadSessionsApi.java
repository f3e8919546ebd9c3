package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.Field;
import io.github.camelgc.emulator.drf.Form;
import io.github.camelgc.emulator.drf.Parsers;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cases/upload-sessions/}: the legacy image import (spec §12; {@code RawImageUploadSessionSerializer} in
 * {@code cases/serializers.py}). Without a target the session waits in {@code Queued} for a job or item to use it;
 * with an archive each image becomes a new item, with an archive item the image becomes the item's value.
 */
public final class UploadSessionsApi {

    static final int MAX_FILES = 100;

    private final ApiContext ctx;

    public UploadSessionsApi(ApiContext ctx) {
        this.ctx = ctx;
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
            UploadSession session = ctx.state().session(call.uuidParam("pk"))
                    .filter(s -> user != null && s.creatorId() == user.id())
                    .orElseThrow(() -> ApiError.notFound("RawImageUploadSession", call.param("pk")));
            return Reply.ok(ctx.views().session(call, session));
        });
        router.post("/api/v1/cases/upload-sessions/", this::create);
    }

    private Reply create(ApiCall call) throws IOException {
        User user = call.requireUser();
        Form form = Form.of(call.json());
        // In the serializer's field order; the emulator has no reader studies, so answers and display sets never exist.
        Field<Archive> archive = form.optional("archive", Parsers.slug(
                slug -> ctx.state().archiveBySlug(slug).filter(a -> a.canUpload(user)).orElse(null)));
        Field<Object> answer = form.optional("answer", Parsers.uuidPk(pk -> null));
        Field<Socket> socket = form.optional("interface", Parsers.slug(slug -> ctx.state().socket(slug).orElse(null)));
        Field<ArchiveItem> item = form.optional("archive_item", Parsers.uuidPk(
                pk -> ctx.state().archiveItem(pk).filter(i -> i.archive().canUpload(user)).orElse(null)));
        Field<Object> displaySet = form.optional("display_set", Parsers.uuidPk(pk -> null));
        Field<List<Upload>> uploads = form.required("uploads", Parsers.manyHyperlinks("uploads",
                pk -> ctx.state().upload(pk).filter(u -> u.creatorId() == user.id()
                        && Upload.COMPLETED.equals(u.status())).orElse(null)));
        form.validate();
        // validate(), in order (no image post-processing is emulated, so its limit is never reached)
        if (uploads.value().size() > MAX_FILES) {
            throw ApiError.nonField("Too many files uploaded. A maximum of 100 files may be uploaded per session.");
        }
        Set<String> names = new HashSet<>();
        uploads.value().forEach(u -> names.add(u.filename()));
        if (names.size() != uploads.value().size()) {
            throw ApiError.nonField("Filenames must be unique");
        }
        long targets = List.of(archive, item, answer, displaySet).stream().filter(Field::given).count();
        if (targets > 1) {
            throw ApiError.nonField("Only one of archive, archive item, answer or reader study can be set");
        }
        if (socket.given() && !(archive.given() || item.given() || displaySet.given())) {
            throw ApiError.nonField("An interface can only be defined for archive, archive item or display set uploads.");
        }
        if (item.given() && !socket.given()) {
            throw ApiError.nonField("An interface needs to be defined to upload to an archive item.");
        }
        UploadSession session = ctx.backend().sessions().create(user, uploads.value());
        // The answer shows the session as created; processing marks it Re-Queued right after.
        Reply created = Reply.created(ctx.views().session(call, session));
        if (archive.present()) {
            session.claim();
            Socket target = socket.present() ? socket.value()
                    : ctx.state().socket("generic-medical-image").orElseThrow();
            ctx.backend().archiveItems().importIntoArchive(session, archive.value(), target);
        } else if (item.present()) {
            session.claim();
            ctx.backend().archiveItems().importIntoItem(session, item.value(), socket.value());
        }
        return created;
    }
}
