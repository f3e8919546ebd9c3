package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.Field;
import io.github.camelgc.emulator.drf.FilterSet;
import io.github.camelgc.emulator.drf.Form;
import io.github.camelgc.emulator.drf.Parsers;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.values.ParsedInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code archives/} and {@code archives/items/} (spec §13; {@code archives/views.py}, {@code serializers.py}). */
public final class ArchivesApi {

    private final ApiContext ctx;

    public ArchivesApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/archives/", call -> {
            User user = call.user().orElse(null);
            FilterSet filters = new FilterSet(call);
            String slug = filters.text("slug");
            filters.validate();
            List<Archive> archives = ctx.state().archives().stream()
                    .filter(a -> a.canView(user) && (slug == null || a.slug().equals(slug))).toList();
            return Reply.ok(Pagination.page(call, archives, a -> ctx.views().archive(call, a)));
        });
        router.get("/api/v1/archives/{pk}/", call -> Reply.ok(ctx.views().archive(call, archive(call))));
        // Distinct patient_id / study_description of the archive's images, blanks included; the emulator's images
        // carry no DICOM metadata, so that is [""] once the archive holds an image.
        router.get("/api/v1/archives/{pk}/patients/", call -> Reply.ok(blankIfImages(archive(call))));
        router.get("/api/v1/archives/{pk}/studies/", call -> {
            // The view reads patient_id before it looks the archive up.
            String patient = call.query("patient_id");
            if (patient == null) {
                throw ApiError.detail(404, "Not found.");
            }
            Archive archive = archive(call);
            return Reply.ok(patient.isEmpty() ? blankIfImages(archive) : List.of());
        });
        router.get("/api/v1/archives/items/", call -> {
            User user = call.user().orElse(null);
            FilterSet filters = new FilterSet(call);
            String archive = filters.modelChoice("archive", pk -> ctx.state().archive(pk).isPresent());
            filters.validate();
            List<ArchiveItem> items = ctx.state().archiveItems().stream()
                    .filter(i -> i.archive().canView(user))
                    .filter(i -> archive == null || archive.equals(i.archive().pk())).toList();
            return Reply.ok(Pagination.page(call, items, i -> ctx.views().archiveItem(call, i)));
        });
        router.post("/api/v1/archives/items/", this::createItem);
        router.get("/api/v1/archives/items/{pk}/", call -> Reply.ok(ctx.views().archiveItem(call, item(call))));
        router.patch("/api/v1/archives/items/{pk}/", call -> updateItem(call, false));
        router.put("/api/v1/archives/items/{pk}/", call -> updateItem(call, true));
    }

    private List<String> blankIfImages(Archive archive) {
        boolean images = ctx.state().archiveItems().stream().filter(i -> i.archive() == archive)
                .anyMatch(i -> i.values().stream().anyMatch(v -> v.imagePk() != null));
        return images ? List.of("") : List.of();
    }

    /**
     * {@code ArchiveItemPostSerializer.create}: fields (title, archive the caller may upload to, values), the
     * unique-together validator (which also requires the archive), then "Values can only be added via update".
     */
    private Reply createItem(ApiCall call) throws IOException {
        User user = call.requireUser();
        Form form = Form.of(call.json());
        Field<String> title = form.optional("title", Parsers.chars(255, true));
        Field<Archive> archive = form.optional("archive", Parsers.hyperlink("archives",
                pk -> ctx.state().archive(pk).filter(a -> a.canUpload(user)).orElse(null)));
        Field<List<ParsedInput>> values = form.optional("values", ctx.backend().inputs().items(user));
        form.validate();
        if (!archive.given()) {
            throw ApiError.of(400, Map.of("archive", List.of(Form.REQUIRED)));
        }
        String itemTitle = title.present() ? title.value() : "";
        ctx.backend().archiveItems().checkTitle(archive.value(), itemTitle, null);
        if (values.present() && !values.value().isEmpty()) {
            throw ApiError.bareList("Values can only be added via update");
        }
        ArchiveItem item = ctx.backend().archiveItems().create(archive.value(), itemTitle);
        return Reply.created(ctx.views().archiveItemPost(call, item));
    }

    private Reply updateItem(ApiCall call, boolean full) throws IOException {
        User user = call.requireUser();
        ArchiveItem item = item(call);
        if (!item.archive().canUpload(user)) {
            throw ApiError.forbidden();
        }
        Form form = Form.of(call.json(), !full);
        Field<String> title = form.optional("title", Parsers.chars(255, true));
        // A writable field of the serializer; moving items between archives is not emulated, the value is checked.
        form.optional("archive", Parsers.hyperlink("archives",
                pk -> ctx.state().archive(pk).filter(a -> a.canUpload(user)).orElse(null)));
        Field<List<ParsedInput>> values = form.optional("values", ctx.backend().inputs().items(user));
        form.validate();
        ctx.backend().archiveItems().update(item, user, title.orNull(),
                values.present() ? values.value() : List.of(), full);
        return Reply.ok(ctx.views().archiveItemPost(call, item));
    }

    private Archive archive(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().archive(call.uuidParam("pk")).filter(a -> a.canView(user))
                .orElseThrow(() -> ApiError.notFound("Archive", call.param("pk")));
    }

    private ArchiveItem item(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().archiveItem(call.uuidParam("pk")).filter(i -> i.archive().canView(user))
                .orElseThrow(() -> ApiError.notFound("ArchiveItem", call.param("pk")));
    }
}
