package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.drf.FilterSet;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code cases/images/}: list (ordered by name) with the filters of spec §8.2, and detail. */
public final class ImagesApi {

    /** DICOM metadata filters; the emulator's images carry none of it, so only "" matches. */
    private static final List<String> BLANK_METADATA = List.of("patient_id", "patient_name", "patient_age",
            "study_instance_uid", "series_instance_uid", "study_description", "series_description");

    private final ApiContext ctx;

    public ImagesApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/cases/images/", this::list);
        router.get("/api/v1/cases/images/{pk}/", call -> Reply.ok(ctx.views().image(call, visible(call))));
        router.get("/api/v1/cases/images/{pk}/dicom/instances/", call -> {
            visible(call);
            throw ApiError.detail(404, "This image does not have a DICOM Image Set.");
        });
        router.get("/api/v1/cases/images/{pk}/dicom/frames/", call -> {
            visible(call);
            throw ApiError.detail(404, "This image does not have a DICOM Image Set.");
        });
    }

    /** {@code ImageFilterSet} ({@code cases/filters.py}), with the view's permission filter. */
    private Reply list(ApiCall call) {
        User user = call.user().orElse(null);
        FilterSet filters = new FilterSet(call);
        String origin = filters.modelChoice("origin", pk -> ctx.state().session(pk).isPresent());
        List<String> jobInputs = filters.modelMultipleChoice("job_input", pk -> ctx.state().job(pk).isPresent());
        List<String> jobOutputs = filters.modelMultipleChoice("job_output", pk -> ctx.state().job(pk).isPresent());
        List<String> archives = filters.modelMultipleChoice("archive", pk -> ctx.state().archive(pk).isPresent());
        List<String> readerStudies = filters.modelMultipleChoice("reader_study", pk -> false);
        String name = filters.text("name");
        // DICOM metadata: the emulator's images have none, so any non-empty value matches nothing.
        boolean metadata = false;
        for (String field : BLANK_METADATA) {
            metadata |= filters.text(field) != null;
        }
        metadata |= filters.date("patient_birth_date") != null;
        metadata |= filters.choice("patient_sex", Set.of("M", "F", "O")) != null;
        metadata |= filters.date("study_date") != null;
        boolean noneEmpty = Boolean.FALSE.equals(filters.bool("patient_id__isempty"))
                | Boolean.FALSE.equals(filters.bool("study_description__isempty"));
        filters.validate();
        Predicate<Image> filter = image -> ctx.visibility().canView(user, image);
        if (!archives.isEmpty()) {
            Set<String> inArchives = new HashSet<>();
            for (ArchiveItem item : ctx.state().archiveItems()) {
                if (archives.contains(item.archive().pk())) {
                    item.values().forEach(v -> addImage(inArchives, v));
                }
            }
            filter = filter.and(i -> inArchives.contains(i.pk()));
        }
        filter = filter.and(jobFilter(jobInputs, true)).and(jobFilter(jobOutputs, false));
        if (origin != null) {
            filter = filter.and(i -> origin.equals(i.origin()));
        }
        if (name != null) {
            filter = filter.and(i -> i.name().equals(name));
        }
        if (metadata || noneEmpty || !readerStudies.isEmpty()) {
            filter = filter.and(i -> false);
        }
        List<Image> images = ctx.state().images().stream().filter(filter).toList();
        return Reply.ok(Pagination.page(call, images, i -> ctx.views().image(call, i)));
    }

    private Predicate<Image> jobFilter(List<String> jobs, boolean inputs) {
        if (jobs.isEmpty()) {
            return i -> true;
        }
        Set<String> used = new HashSet<>();
        for (String pk : jobs) {
            Job job = ctx.state().job(pk).orElseThrow();
            (inputs ? job.inputs() : job.outputs()).forEach(v -> addImage(used, v));
        }
        return i -> used.contains(i.pk());
    }

    private static void addImage(Set<String> pks, SocketValue value) {
        if (value.imagePk() != null) {
            pks.add(value.imagePk());
        }
    }

    private Image visible(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().image(call.uuidParam("pk")).filter(i -> ctx.visibility().canView(user, i))
                .orElseThrow(() -> ApiError.notFound("Image", call.param("pk")));
    }
}
