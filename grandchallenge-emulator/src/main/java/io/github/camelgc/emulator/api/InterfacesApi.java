package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.FilterSet;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.util.List;

/** {@code components/interfaces/}: the sockets; authentication required even for reading (spec §6). */
public final class InterfacesApi {

    private final ApiContext ctx;

    public InterfacesApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/components/interfaces/", call -> {
            call.requireUser();
            FilterSet filters = new FilterSet(call);
            String slug = filters.text("slug");
            filters.validate();
            List<Socket> sockets = ctx.state().sockets().stream()
                    .filter(s -> slug == null || s.slug().equals(slug)).toList();
            return Reply.ok(Pagination.page(call, sockets, s -> ctx.views().socket(s)));
        });
        router.get("/api/v1/components/interfaces/{pk}/", call -> {
            call.requireUser();
            Socket socket = ctx.state().sockets().stream().filter(s -> String.valueOf(s.pk()).equals(call.param("pk")))
                    .findFirst().orElseThrow(() -> call.param("pk").matches("\\d+")
                            ? ApiError.notFound("ComponentInterface") : ApiError.detail(404, "Not found."));
            return Reply.ok(ctx.views().socket(socket));
        });
    }
}
