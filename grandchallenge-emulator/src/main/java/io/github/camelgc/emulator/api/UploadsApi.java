package io.github.camelgc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Iso;
import io.github.camelgc.emulator.server.Pagination;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.server.StorageFailure;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code uploads/}: the S3 multipart protocol brokered by the API (spec §11). */
public final class UploadsApi {

    /** S3's minimum size of every part but the last. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final int MAX_UPLOADS_PER_USER = 2000;

    private final ApiContext ctx;

    public UploadsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/api/v1/uploads/", call -> {
            User user = call.user().orElse(null);
            List<Upload> own = ctx.state().uploads(u -> user != null && u.creatorId() == user.id());
            return Reply.ok(Pagination.page(call, own, u -> ctx.views().upload(call, u)));
        });
        router.post("/api/v1/uploads/", this::create);
        router.get("/api/v1/uploads/{pk}/", call -> Reply.ok(ctx.views().upload(call, own(call))));
        router.patch("/api/v1/uploads/{pk}/{uploadId}/generate-presigned-urls/", this::presign);
        router.patch("/api/v1/uploads/{pk}/{uploadId}/complete-multipart-upload/", this::complete);
        router.patch("/api/v1/uploads/{pk}/{uploadId}/abort-multipart-upload/", call -> {
            Upload upload = ownWithUploadId(call);
            upload.abort();
            return Reply.ok(ctx.views().upload(call, upload));
        });
        router.get("/api/v1/uploads/{pk}/{uploadId}/list-parts/", this::listParts);
    }

    private Reply create(ApiCall call) throws IOException {
        User user = call.requireUser();
        JsonNode body = call.json();
        JsonNode filename = body.get("filename");
        if (filename == null || filename.isNull()) {
            throw ApiError.field("filename", "This field is required.");
        }
        String name = filename.asText();
        if (name.isBlank()) {
            throw ApiError.field("filename", "This field may not be blank.");
        }
        if (name.length() > 128) {
            throw ApiError.field("filename", "Ensure this field has no more than 128 characters.");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw ApiError.field("filename", name + " is not a valid filename");
        }
        if (ctx.state().uploads(u -> u.creatorId() == user.id()).size() >= MAX_UPLOADS_PER_USER) {
            throw ApiError.nonField("You have created too many uploads. Please try again later.");
        }
        Upload upload = new Upload(EmulatorState.newUuid(), user.id(), name, "emu-" + EmulatorState.newUuid(),
                ctx.clock().instant());
        ctx.state().addUpload(upload);
        return Reply.created(ctx.views().upload(call, upload));
    }

    private Reply presign(ApiCall call) throws IOException {
        Upload upload = ownWithUploadId(call);
        JsonNode numbers = call.json().get("part_numbers");
        if (numbers == null || numbers.isNull()) {
            throw ApiError.nonField("The `part_numbers` field is required");
        }
        if (!numbers.isArray()) {
            throw ApiError.field("part_numbers", "Expected a list of items but got type \"" + numbers.getNodeType()
                    .toString().toLowerCase(Locale.ROOT) + "\".");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode n = numbers.get(i);
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                errors.put(String.valueOf(i), List.of("A valid integer is required."));
            } else if (n.asInt() < 1) {
                errors.put(String.valueOf(i), List.of("Ensure this value is greater than or equal to 1."));
            } else if (n.asInt() > 10000) {
                errors.put(String.valueOf(i), List.of("Ensure this value is less than or equal to 10000."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.of(400, Map.of("part_numbers", errors));
        }
        if (!Upload.INITIALIZED.equals(upload.status()) || usedBytes(upload.creatorId()) > ctx.config()
                .uploadQuotaBytes()) {
            throw ApiError.detail(403, "Upload limit reached");
        }
        Map<String, String> urls = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        for (JsonNode n : numbers) {
            String resource = StorageApi.partResource(upload, n.asInt());
            urls.put(String.valueOf(n.asInt()), call.url(resource) + "&" + ctx.signer().sign("PUT " + resource,
                    Duration.ofHours(1)));
        }
        Map<String, Object> view = ctx.views().upload(call, upload);
        view.put("presigned_urls", new LinkedHashMap<>(urls));
        return Reply.ok(view);
    }

    /** Bytes of the user's completed uploads and of parts of uploads in progress. */
    private long usedBytes(int userId) {
        return ctx.state().uploads(u -> u.creatorId() == userId).stream()
                .mapToLong(u -> u.size() + u.partBytes()).sum();
    }

    private Reply complete(ApiCall call) throws IOException {
        Upload upload = ownWithUploadId(call);
        JsonNode parts = call.json().get("parts");
        if (parts == null || parts.isNull()) {
            throw ApiError.nonField("The `parts` field is required");
        }
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw new StorageFailure("NoSuchUpload: upload " + upload.pk() + " is " + upload.status());
        }
        Map<Integer, Upload.Part> stored = new TreeMap<>();
        upload.parts().forEach(p -> stored.put(p.partNumber(), p));
        List<Upload.Part> chosen = new ArrayList<>();
        int previous = 0;
        for (JsonNode part : parts) {
            int number = part.path("PartNumber").asInt();
            Upload.Part p = stored.get(number);
            // S3 answers these with InvalidPart / InvalidPartOrder, which the platform surfaces as 500.
            if (p == null || !p.etag().equals(part.path("ETag").asText())) {
                throw new StorageFailure("InvalidPart: part " + number + " of upload " + upload.pk()
                        + " is missing or its ETag does not match");
            }
            if (number <= previous) {
                throw new StorageFailure("InvalidPartOrder: parts of upload " + upload.pk()
                        + " must be listed in ascending order");
            }
            previous = number;
            chosen.add(p);
        }
        if (chosen.isEmpty()) {
            throw new StorageFailure("MalformedXML: no parts given to complete upload " + upload.pk());
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw new StorageFailure("EntityTooSmall: part " + chosen.get(i).partNumber() + " of upload "
                        + upload.pk() + " has " + chosen.get(i).size() + " bytes, at least 5 MiB expected");
            }
        }
        List<Path> partFiles = chosen.stream().map(Upload.Part::blob).toList();
        long size = chosen.stream().mapToLong(Upload.Part::size).sum();
        upload.complete(ctx.blobs().resolve(upload.key()), size,
                () -> ctx.blobs().concatenate(upload.key(), partFiles));
        return Reply.ok(ctx.views().upload(call, upload));
    }

    private Reply listParts(ApiCall call) {
        Upload upload = ownWithUploadId(call);
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw new StorageFailure("NoSuchUpload: upload " + upload.pk() + " is " + upload.status());
        }
        List<Object> parts = new ArrayList<>();
        for (Upload.Part p : upload.parts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ETag", p.etag());
            m.put("PartNumber", p.partNumber());
            m.put("LastModified", Iso.instant(p.lastModified()));
            m.put("Size", p.size());
            parts.add(m);
        }
        Map<String, Object> view = ctx.views().upload(call, upload);
        view.put("parts", parts);
        return Reply.ok(view);
    }

    private Upload own(ApiCall call) {
        User user = call.user().orElse(null);
        return ctx.state().upload(call.param("pk")).filter(u -> user != null && u.creatorId() == user.id())
                .orElseThrow(() -> ApiError.notFound("UserUpload", call.param("pk")));
    }

    private Upload ownWithUploadId(ApiCall call) {
        call.requireUser();
        Upload upload = own(call);
        if (!upload.s3UploadId().equals(call.param("uploadId"))) {
            throw ApiError.notFound("UserUpload");
        }
        return upload;
    }
}
