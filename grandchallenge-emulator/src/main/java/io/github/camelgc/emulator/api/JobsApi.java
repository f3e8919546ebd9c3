package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.Field;
import io.github.camelgc.emulator.drf.FilterSet;
import io.github.camelgc.emulator.drf.Form;
import io.github.camelgc.emulator.drf.Parsers;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.values.ParsedInput;
import java.io.IOException;
import java.util.List;

/** {@code algorithms/jobs/}: list with its three filters, detail, create (spec §9). */
public final class JobsApi {

    private final ApiContext ctx;

    public JobsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/algorithms/jobs/", this::list);
        router.post("/api/v1/algorithms/jobs/", this::create);
        router.get("/api/v1/algorithms/jobs/{pk}/", call -> Reply.ok(ctx.views().job(call, visible(call))));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            router.add(method, "/api/v1/algorithms/jobs/{pk}/", call -> {
                call.requireUser();
                throw ApiError.forbidden();
            });
        }
    }

    /** {@code JobPostSerializer}: the fields first (algorithm the caller may execute, inputs), then the backend. */
    private Reply create(ApiCall call) throws IOException {
        User user = call.requireUser();
        Form form = Form.of(call.json());
        Field<Algorithm> algorithm = form.required("algorithm", Parsers.hyperlink("algorithms",
                pk -> ctx.state().algorithm(pk).filter(a -> a.canExecute(user)).orElse(null)));
        Field<List<ParsedInput>> inputs = form.required("inputs", ctx.backend().inputs().items(user));
        form.validate();
        return Reply.created(ctx.backend().jobs().create(user, algorithm.value(), inputs.value(),
                job -> ctx.views().jobPost(call, job)));
    }

    private Reply list(ApiCall call) {
        User user = call.user().orElse(null);
        FilterSet filters = new FilterSet(call);
        String algorithm = filters.modelChoice("algorithm_image__algorithm", pk -> ctx.state().algorithm(pk).isPresent());
        List<String> inputImages = filters.modelMultipleChoice("input_image", pk -> ctx.state().image(pk).isPresent());
        List<String> outputImages = filters.modelMultipleChoice("output_image", pk -> ctx.state().image(pk).isPresent());
        filters.validate();
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
        return ctx.state().job(call.uuidParam("pk")).filter(j -> ctx.visibility().canView(user, j))
                .orElseThrow(() -> ApiError.notFound("Job", call.param("pk")));
    }
}
