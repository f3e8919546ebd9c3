package io.github.camelgc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.images.ImportFailure;
import io.github.camelgc.emulator.jobs.InputParser;
import io.github.camelgc.emulator.jobs.ParsedInput;
import io.github.camelgc.emulator.jobs.ValueFactory;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code archives/} and {@code archives/items/} (spec §13). */
public final class ArchivesApi {

    private static final Logger LOG = LoggerFactory.getLogger(ArchivesApi.class);

    private final ApiContext ctx;
    private final InputParser parser;
    private final ValueFactory values;
    private final Executor background;

    public ArchivesApi(ApiContext ctx, InputParser parser, ValueFactory values, Executor background) {
        this.ctx = ctx;
        this.parser = parser;
        this.values = values;
        this.background = background;
    }

    public void register(Router router) {
        router.get("/api/v1/archives/", call -> {
            User user = call.user().orElse(null);
            String slug = call.query("slug");
            List<Archive> archives = ctx.state().archives().stream()
                    .filter(a -> a.canView(user) && (slug == null || a.slug().equals(slug))).toList();
            return Reply.ok(Pagination.page(call, archives, a -> ctx.views().archive(call, a)));
        });
        router.get("/api/v1/archives/{pk}/", call -> Reply.ok(ctx.views().archive(call, archive(call))));
        // The emulator's images carry no DICOM metadata: every patient_id and study_description is "",
        // and blanks are left out, so these lists are empty (documented as derived).
        router.get("/api/v1/archives/{pk}/patients/", call -> {
            archive(call);
            return Reply.ok(List.of());
        });
        router.get("/api/v1/archives/{pk}/studies/", call -> {
            archive(call);
            if (call.query("patient_id") == null) {
                throw ApiError.detail(404, "Not found.");
            }
            return Reply.ok(List.of());
        });
        router.get("/api/v1/archives/items/", call -> {
            User user = call.user().orElse(null);
            List<String> archive = Filters.multi(call, "archive", pk -> ctx.state().archive(pk).isPresent());
            List<ArchiveItem> items = ctx.state().archiveItems().stream()
                    .filter(i -> i.archive().canView(user))
                    .filter(i -> archive.isEmpty() || archive.contains(i.archive().pk())).toList();
            return Reply.ok(Pagination.page(call, items, i -> ctx.views().archiveItem(call, i)));
        });
        router.post("/api/v1/archives/items/", this::createItem);
        router.get("/api/v1/archives/items/{pk}/", call -> Reply.ok(ctx.views().archiveItem(call, item(call))));
        router.patch("/api/v1/archives/items/{pk}/", call -> updateItem(call, false));
        router.put("/api/v1/archives/items/{pk}/", call -> updateItem(call, true));
    }

    private Reply createItem(ApiCall call) throws IOException {
        User user = call.requireUser();
        JsonNode body = call.json();
        JsonNode link = body.get("archive");
        if (link == null || link.isNull()) {
            throw ApiError.field("archive", "This field is required.");
        }
        Archive archive;
        try {
            archive = ctx.state().archive(Hyperlinks.pk(link, "archives")).filter(a -> a.canUpload(user))
                    .orElseThrow(() -> ApiError.field("archive", Hyperlinks.OBJECT_DOES_NOT_EXIST));
        } catch (Hyperlinks.InvalidHyperlink e) {
            throw ApiError.field("archive", e.getMessage());
        }
        if (body.hasNonNull("values") && !body.get("values").isEmpty()) {
            throw ApiError.bareList("Values can only be added via update");
        }
        String title = body.path("title").asText("");
        checkTitle(archive, title, null);
        ArchiveItem item = new ArchiveItem(EmulatorState.newUuid(), archive, title);
        ctx.state().addArchiveItem(item);
        return Reply.created(ctx.views().archiveItemPost(call, item));
    }

    private Reply updateItem(ApiCall call, boolean full) throws IOException {
        User user = call.requireUser();
        ArchiveItem item = item(call);
        if (!item.archive().canUpload(user)) {
            throw ApiError.forbidden();
        }
        JsonNode body = call.json();
        List<ParsedInput> inputs = body.has("values") ? parser.parse(body.get("values"), user, "values") : List.of();
        for (ParsedInput input : inputs) {
            if (input.session() != null && !input.session().claim()) {
                throw ApiError.of(400, Map.of("values", List.of(Map.of("upload_session",
                        List.of(Hyperlinks.OBJECT_DOES_NOT_EXIST)))));
            }
        }
        if (body.hasNonNull("title")) {
            checkTitle(item.archive(), body.get("title").asText(), item);
            item.title(body.get("title").asText());
        }
        if (full) {
            Set<String> kept = new HashSet<>();
            inputs.forEach(i -> kept.add(i.socket().slug()));
            item.retainSockets(kept);
        }
        for (ParsedInput input : inputs) {
            if (input.immediate()) {
                item.put(values.immediate(input));
            } else {
                // Uploads import in the background; on failure the item keeps its old value.
                background.execute(() -> {
                    try {
                        item.put(values.imported(input, user.id()));
                    } catch (ImportFailure | RuntimeException e) {
                        LOG.info("Archive item {}: {} not updated: {}", item.pk(), input.socket().slug(), e.getMessage());
                    }
                });
            }
        }
        return Reply.ok(ctx.views().archiveItemPost(call, item));
    }

    private void checkTitle(Archive archive, String title, ArchiveItem self) {
        if (!title.isEmpty() && ctx.state().archiveItems().stream()
                .anyMatch(i -> i != self && i.archive() == archive && i.title().equals(title))) {
            throw ApiError.nonField("The fields archive, title must make a unique set.");
        }
    }

    private Archive archive(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().archive(call.param("pk")).filter(a -> a.canView(user))
                .orElseThrow(() -> ApiError.notFound("Archive", call.param("pk")));
    }

    private ArchiveItem item(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().archiveItem(call.param("pk")).filter(i -> i.archive().canView(user))
                .orElseThrow(() -> ApiError.notFound("ArchiveItem", call.param("pk")));
    }
}
