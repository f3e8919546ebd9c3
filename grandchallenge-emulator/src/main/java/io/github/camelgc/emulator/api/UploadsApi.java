package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.Field;
import io.github.camelgc.emulator.drf.Form;
import io.github.camelgc.emulator.drf.Invalid;
import io.github.camelgc.emulator.drf.Parsers;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Iso;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.uploads.Uploads;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code uploads/}: the S3 multipart protocol brokered by the API (spec §11; {@code uploads/views.py} and
 * {@code serializers.py}). The actions read their body as a partial update (PATCH), so missing fields are skipped.
 */
public final class UploadsApi {

    private final ApiContext ctx;
    private final Uploads uploads;

    public UploadsApi(ApiContext ctx) {
        this.ctx = ctx;
        this.uploads = ctx.backend().uploads();
    }

    public void register(Router router) {
        router.get("/api/v1/uploads/", call -> {
            User user = call.user().orElse(null);
            List<Upload> own = ctx.state().uploads(u -> user != null && u.creatorId() == user.id());
            return Reply.ok(Pagination.page(call, own, u -> ctx.views().upload(call, u)));
        });
        router.post("/api/v1/uploads/", this::create);
        router.get("/api/v1/uploads/{pk}/", call -> Reply.ok(ctx.views().upload(call,
                uploads.owned(call.user().orElse(null), call.uuidParam("pk")))));
        router.patch("/api/v1/uploads/{pk}/{uploadId}/generate-presigned-urls/", this::presign);
        router.patch("/api/v1/uploads/{pk}/{uploadId}/complete-multipart-upload/", this::complete);
        router.patch("/api/v1/uploads/{pk}/{uploadId}/abort-multipart-upload/", call -> {
            Upload upload = addressed(call, true);
            uploads.abort(upload);
            return Reply.ok(ctx.views().upload(call, upload));
        });
        router.get("/api/v1/uploads/{pk}/{uploadId}/list-parts/", this::listParts);
    }

    private Reply create(ApiCall call) throws IOException {
        User user = call.requireUser();
        Form form = Form.of(call.json());
        // validate_filename: the name must equal Path(name).name.
        Field<String> filename = form.required("filename", Parsers.chars(128, false).then(name -> {
            if (name.contains("/") || name.equals(".")) {
                throw Invalid.of(name + " is not a valid filename");
            }
        }));
        form.validate();
        return Reply.created(ctx.views().upload(call, uploads.create(user, filename.value())));
    }

    private Reply presign(ApiCall call) throws IOException {
        Upload upload = addressed(call, true);
        uploads.checkCanUploadMore(upload);
        Form form = Form.of(call.json(), true);
        Field<List<Long>> numbers = form.optional("part_numbers", Parsers.list(Parsers.integer(1L, 10_000L)));
        form.validate();
        if (!numbers.given()) {
            throw ApiError.nonField("The `part_numbers` field is required");
        }
        // A dict comprehension over the numbers: request order, a repeated number keeps its first place.
        Map<String, String> urls = new LinkedHashMap<>();
        for (long n : numbers.value()) {
            urls.put(String.valueOf(n), call.url(uploads.presignedPartPath(upload, n)));
        }
        Map<String, Object> view = ctx.views().upload(call, upload);
        view.put("presigned_urls", urls);
        return Reply.ok(view);
    }

    private Reply complete(ApiCall call) throws IOException {
        Upload upload = addressed(call, true);
        Form form = Form.of(call.json(), true);
        Field<List<Uploads.PartRef>> parts = form.optional("parts", Parsers.items(true, part -> {
            Field<String> etag = part.required("ETag", Parsers.chars(null, false));
            Field<Long> number = part.required("PartNumber", Parsers.integer(1L, 10_000L));
            Field<String> modified = part.required("LastModified", Parsers.dateTime());
            Field<Long> size = part.required("Size", Parsers.integer(0L, null));
            return new Uploads.PartRef(number.orNull(), etag.orNull(), modified.given() || size.given());
        }));
        form.validate();
        if (!parts.given()) {
            throw ApiError.nonField("The `parts` field is required");
        }
        uploads.complete(upload, parts.value());
        return Reply.ok(ctx.views().upload(call, upload));
    }

    private Reply listParts(ApiCall call) {
        Upload upload = addressed(call, false);
        List<Object> parts = new ArrayList<>();
        for (Upload.Part p : uploads.listParts(upload)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ETag", p.etag());
            m.put("PartNumber", p.partNumber());
            // S3 reports LastModified to the second.
            m.put("LastModified", Iso.instant(p.lastModified().truncatedTo(ChronoUnit.SECONDS)));
            m.put("Size", p.size());
            parts.add(m);
        }
        Map<String, Object> view = ctx.views().upload(call, upload);
        view.put("parts", parts);
        return Reply.ok(view);
    }

    /** The caller's upload named by pk and S3 upload id; writes need a token (401), reads fall back to 404. */
    private Upload addressed(ApiCall call, boolean write) {
        User user = write ? call.requireUser() : call.user().orElse(null);
        return uploads.owned(user, call.uuidParam("pk"), call.param("uploadId"));
    }
}
