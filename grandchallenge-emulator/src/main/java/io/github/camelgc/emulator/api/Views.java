package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.AlgorithmInterface;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.ImageFile;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketKind;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.Iso;
import io.github.camelgc.emulator.state.EmulatorState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The JSON shapes of the platform's serializers, field by field and in their order. Every URL is
 * absolute on the origin of the request being answered.
 */
public final class Views {

    private final EmulatorState state;

    public Views(EmulatorState state) {
        this.state = state;
    }

    public Map<String, Object> socket(Socket s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("description", s.description());
        m.put("slug", s.slug());
        m.put("kind", s.kind().label());
        m.put("pk", s.pk());
        m.put("default_value", s.defaultValue());
        m.put("super_kind", s.superKind());
        m.put("relative_path", s.relativePath());
        List<Object> segments = new ArrayList<>();
        for (Socket.Segment seg : s.overlaySegments()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", seg.name());
            sm.put("visible", seg.visible());
            sm.put("voxel_value", seg.voxelValue());
            segments.add(sm);
        }
        m.put("overlay_segments", segments);
        m.put("look_up_table", null);
        return m;
    }

    public Map<String, Object> algorithm(ApiCall call, Algorithm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("api_url", call.url("/api/v1/algorithms/" + a.pk() + "/"));
        m.put("url", call.url("/algorithms/" + a.slug() + "/"));
        m.put("description", a.description());
        m.put("pk", a.pk());
        m.put("title", a.title());
        m.put("logo", call.url("/static/logos/algorithm/" + a.pk() + "/logo.png"));
        m.put("slug", a.slug());
        m.put("average_duration", averageDuration(a));
        List<Object> interfaces = new ArrayList<>();
        for (AlgorithmInterface i : a.interfaces()) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("inputs", i.inputs().stream().map(slug -> socket(state.socket(slug).orElseThrow())).toList());
            im.put("outputs", i.outputs().stream().map(slug -> socket(state.socket(slug).orElseThrow())).toList());
            interfaces.add(im);
        }
        m.put("interfaces", interfaces);
        return m;
    }

    /** Mean execution time of the algorithm's succeeded jobs, in seconds; {@code null} without any. */
    private Double averageDuration(Algorithm a) {
        OptionalDouble mean = state.jobs().stream()
                .filter(j -> j.algorithm().pk().equals(a.pk()) && j.status() == JobStatus.SUCCEEDED
                        && j.execDuration() != null)
                .mapToDouble(j -> j.execDuration().toNanos() / 1e9).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    public Map<String, Object> algorithmImage(ApiCall call, Algorithm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", a.imagePk());
        m.put("url", call.url("/algorithms/" + a.slug() + "/containers/" + a.imagePk() + "/"));
        m.put("api_url", call.url("/api/v1/algorithms/images/" + a.imagePk() + "/"));
        m.put("algorithm", call.url("/api/v1/algorithms/" + a.pk() + "/"));
        m.put("created", Iso.instant(a.created()));
        m.put("import_status", "Completed");
        m.put("image", call.url("/media/docker/images/algorithms/algorithmimage/" + a.imagePk() + "/container.tar.gz"));
        return m;
    }

    public Map<String, Object> upload(ApiCall call, Upload u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", u.pk());
        m.put("created", Iso.instant(u.created()));
        m.put("filename", u.filename());
        m.put("key", u.key());
        m.put("s3_upload_id", u.s3UploadId());
        m.put("status", u.status());
        m.put("api_url", call.url("/api/v1/uploads/" + u.pk() + "/"));
        return m;
    }

    public Map<String, Object> image(ApiCall call, Image i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", i.pk());
        m.put("name", i.name());
        List<Object> files = new ArrayList<>();
        for (ImageFile f : i.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("pk", f.pk());
            fm.put("image", i.pk());
            fm.put("file", call.url(MediaPaths.imageFile(i, f)));
            fm.put("image_type", f.imageType());
            files.add(fm);
        }
        m.put("files", files);
        m.put("dicom_image_set", null);
        m.put("width", i.width());
        m.put("height", i.height());
        m.put("depth", i.depth());
        m.put("color_space", i.colorSpace());
        m.put("modality", null);
        m.put("eye_choice", "NA");
        m.put("stereoscopic_choice", null);
        m.put("field_of_view", null);
        m.put("shape_without_color", i.components() > 1 ? i.shape().subList(0, i.shape().size() - 1) : i.shape());
        m.put("shape", i.shape());
        m.put("voxel_width_mm", spacing(i, 0));
        m.put("voxel_height_mm", spacing(i, 1));
        m.put("voxel_depth_mm", spacing(i, 2));
        m.put("api_url", call.url("/api/v1/cases/images/" + i.pk() + "/"));
        for (String blank : List.of("patient_id", "patient_name")) {
            m.put(blank, "");
        }
        m.put("patient_birth_date", null);
        m.put("patient_age", "");
        m.put("patient_sex", "");
        m.put("study_date", null);
        for (String blank : List.of("study_instance_uid", "series_instance_uid", "study_description",
                "series_description")) {
            m.put(blank, "");
        }
        m.put("window_center", null);
        m.put("window_width", null);
        m.put("segments", i.segments());
        return m;
    }

    private static Double spacing(Image i, int axis) {
        return i.spacing() != null && i.spacing().size() > axis ? i.spacing().get(axis) : null;
    }

    /** The hyperlinked read shape of a socket value (spec §10.1). */
    public Map<String, Object> socketValue(ApiCall call, SocketValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", socket(v.socket()));
        m.put("value", v.value());
        m.put("file", v.file() == null ? null : call.url(MediaPaths.socketValueFile(v)));
        m.put("image", v.imagePk() == null ? null : call.url("/api/v1/cases/images/" + v.imagePk() + "/"));
        m.put("pk", v.pk());
        return m;
    }

    /** The post/response shape of a socket value (spec §10.2): socket as slug, plus {@code image_name}. */
    public Map<String, Object> socketValuePost(ApiCall call, SocketValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", v.socket().slug());
        m.put("value", v.value());
        m.put("file", v.file() == null ? null : call.url(MediaPaths.socketValueFile(v)));
        m.put("image", v.imagePk() == null ? null : call.url("/api/v1/cases/images/" + v.imagePk() + "/"));
        m.put("pk", v.pk());
        m.put("image_name", null);
        return m;
    }

    /**
     * Values ordered as {@code sort_civs} orders them ({@code components/templatetags/civ.py}): by socket slug, then
     * grouped as JSON values (JSON kinds, also those stored as files, except charts), thumbnails, charts, other
     * files, images.
     */
    public List<Object> socketValues(ApiCall call, List<SocketValue> values) {
        return ordered(values).stream().map(v -> (Object) socketValue(call, v)).toList();
    }

    public static List<SocketValue> ordered(List<SocketValue> values) {
        List<SocketValue> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt((SocketValue v) -> group(v.socket().kind()))
                .thenComparing(v -> v.socket().slug()));
        return sorted;
    }

    private static int group(SocketKind kind) {
        if (kind.isJson()) {
            return kind == SocketKind.CHART ? 2 : 0;
        }
        if (kind.isImage()) {
            return 4;
        }
        return kind == SocketKind.JPEG || kind == SocketKind.PNG ? 1 : 3;
    }

    /** The post shape's list ({@code ComponentInterfaceValuePostSerializer(many=True)}): socket values by pk. */
    private List<Object> socketValuesPost(ApiCall call, List<SocketValue> values) {
        return values.stream().sorted(Comparator.comparingLong(SocketValue::pk))
                .map(v -> (Object) socketValuePost(call, v)).toList();
    }

    public Map<String, Object> job(ApiCall call, Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", j.pk());
        m.put("url", call.url("/algorithms/" + j.algorithm().slug() + "/jobs/" + j.pk() + "/"));
        m.put("api_url", call.url("/api/v1/algorithms/jobs/" + j.pk() + "/"));
        m.put("algorithm_image", call.url("/api/v1/algorithms/images/" + j.algorithmImagePk() + "/"));
        m.put("inputs", socketValues(call, j.inputs()));
        m.put("outputs", socketValues(call, j.outputs()));
        m.put("status", j.status().display());
        m.put("hanging_protocol", null);
        m.put("optional_hanging_protocols", List.of());
        m.put("view_content", Map.of());
        m.put("exec_duration", j.execDuration() == null ? null : Iso.duration(j.execDuration()));
        m.put("invoke_duration", null);
        m.put("algorithm", call.url("/api/v1/algorithms/" + j.algorithm().pk() + "/"));
        return m;
    }

    /** The 201 body of a job creation ({@code JobPostSerializer}). */
    public Map<String, Object> jobPost(ApiCall call, Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", j.pk());
        m.put("inputs", socketValuesPost(call, j.inputs()));
        m.put("status", j.status().display());
        return m;
    }

    public Map<String, Object> archive(ApiCall call, Archive a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", a.pk());
        m.put("title", a.title());
        m.put("logo", call.url("/static/logos/archive/" + a.pk() + "/logo.png"));
        m.put("description", a.description());
        m.put("api_url", call.url("/api/v1/archives/" + a.pk() + "/"));
        m.put("url", call.url("/archives/" + a.slug() + "/"));
        return m;
    }

    public Map<String, Object> archiveItem(ApiCall call, ArchiveItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", item.pk());
        m.put("title", item.title());
        m.put("archive", call.url("/api/v1/archives/" + item.archive().pk() + "/"));
        m.put("values", socketValues(call, item.values()));
        m.put("hanging_protocol", null);
        m.put("optional_hanging_protocols", List.of());
        m.put("view_content", Map.of());
        return m;
    }

    /** The POST/PATCH response shape of an archive item: values in the post shape. */
    public Map<String, Object> archiveItemPost(ApiCall call, ArchiveItem item) {
        Map<String, Object> m = archiveItem(call, item);
        m.put("values", socketValuesPost(call, item.values()));
        return m;
    }

    public Map<String, Object> session(ApiCall call, UploadSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", s.pk());
        m.put("creator", s.creatorId());
        m.put("status", s.status());
        m.put("error_message", s.errorMessage());
        m.put("image_set", s.imagePks().stream().map(pk -> call.url("/api/v1/cases/images/" + pk + "/")).toList());
        m.put("api_url", call.url("/api/v1/cases/upload-sessions/" + s.pk() + "/"));
        m.put("user_uploads", s.uploadPks());
        m.put("uploads", s.uploadPks().stream().map(pk -> call.url("/api/v1/uploads/" + pk + "/")).toList());
        return m;
    }
}
