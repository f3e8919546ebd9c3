package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.FilterSet;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.util.List;

/** {@code algorithms/} (filter {@code slug}) and {@code algorithms/images/} (editors only). */
public final class AlgorithmsApi {

    private final ApiContext ctx;

    public AlgorithmsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/algorithms/", call -> {
            User user = call.user().orElse(null);
            FilterSet filters = new FilterSet(call);
            String slug = filters.text("slug");
            filters.validate();
            List<Algorithm> visible = ctx.state().algorithms().stream()
                    .filter(a -> a.canView(user) && (slug == null || a.slug().equals(slug))).toList();
            return Reply.ok(Pagination.page(call, visible, a -> ctx.views().algorithm(call, a)));
        });
        router.get("/api/v1/algorithms/images/", call -> {
            User user = call.user().orElse(null);
            FilterSet filters = new FilterSet(call);
            String algorithm = filters.modelChoice("algorithm", pk -> ctx.state().algorithm(pk).isPresent());
            filters.validate();
            List<Algorithm> images = ctx.state().algorithms().stream()
                    .filter(a -> a.imagePk() != null && a.isEditor(user))
                    .filter(a -> algorithm == null || a.pk().equals(algorithm)).toList();
            return Reply.ok(Pagination.page(call, images, a -> ctx.views().algorithmImage(call, a)));
        });
        router.get("/api/v1/algorithms/images/{pk}/", call -> {
            User user = call.user().orElse(null);
            Algorithm algorithm = ctx.state().algorithms().stream()
                    .filter(a -> call.uuidParam("pk").equals(a.imagePk()) && a.isEditor(user)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("AlgorithmImage", call.param("pk")));
            return Reply.ok(ctx.views().algorithmImage(call, algorithm));
        });
        router.get("/api/v1/algorithms/{pk}/", call -> {
            User user = call.user().orElse(null);
            Algorithm algorithm = ctx.state().algorithm(call.uuidParam("pk")).filter(a -> a.canView(user))
                    .orElseThrow(() -> ApiError.notFound("Algorithm", call.param("pk")));
            return Reply.ok(ctx.views().algorithm(call, algorithm));
        });
    }
}
