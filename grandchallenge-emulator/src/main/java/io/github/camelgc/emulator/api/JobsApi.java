package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.jobs.JobFactory;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.util.List;

/** {@code algorithms/jobs/}: list with its three filters, detail, create (spec §9). */
public final class JobsApi {

    private final ApiContext ctx;
    private final JobFactory factory;

    public JobsApi(ApiContext ctx, JobFactory factory) {
        this.ctx = ctx;
        this.factory = factory;
    }

    public void register(Router router) {
        router.get("/api/v1/algorithms/jobs/", this::list);
        router.post("/api/v1/algorithms/jobs/", call -> {
            User user = call.requireUser();
            return Reply.created(factory.create(call.json(), user, job -> ctx.views().jobPost(call, job)));
        });
        router.get("/api/v1/algorithms/jobs/{pk}/", call -> Reply.ok(ctx.views().job(call, visible(call))));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            router.add(method, "/api/v1/algorithms/jobs/{pk}/", call -> {
                call.requireUser();
                throw ApiError.forbidden();
            });
        }
    }

    private Reply list(ApiCall call) {
        User user = call.user().orElse(null);
        String algorithm = Filters.single(call, "algorithm_image__algorithm", pk -> ctx.state().algorithm(pk).isPresent());
        List<String> inputImages = Filters.multi(call, "input_image", pk -> ctx.state().image(pk).isPresent());
        List<String> outputImages = Filters.multi(call, "output_image", pk -> ctx.state().image(pk).isPresent());
        List<Job> jobs = ctx.state().jobs().stream()
                .filter(j -> ctx.visibility().canView(user, j))
                .filter(j -> algorithm == null || j.algorithm().pk().equals(algorithm))
                .filter(j -> inputImages.isEmpty() || usesAny(j.inputs(), inputImages))
                .filter(j -> outputImages.isEmpty() || usesAny(j.outputs(), outputImages))
                .toList();
        return Reply.ok(Pagination.page(call, jobs, j -> ctx.views().job(call, j)));
    }

    private static boolean usesAny(List<SocketValue> values, List<String> imagePks) {
        return values.stream().anyMatch(v -> v.imagePk() != null && imagePks.contains(v.imagePk()));
    }

    private Job visible(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().job(call.param("pk")).filter(j -> ctx.visibility().canView(user, j))
                .orElseThrow(() -> ApiError.notFound("Job", call.param("pk")));
    }
}
