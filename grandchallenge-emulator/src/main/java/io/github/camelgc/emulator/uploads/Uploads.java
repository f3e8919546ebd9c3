package io.github.camelgc.emulator.uploads;

import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.ServerError;
import io.github.camelgc.emulator.server.StorageFailure;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.emulator.storage.UrlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * User uploads and the S3 multipart upload behind each ({@code uploads/models.py}, {@code views.py},
 * {@code serializers.py}): the state machine {@code Initialized → Completed | Aborted}, the per-user limits, and the
 * S3 side (presigned part PUTs, completion rules). Where the platform calls S3 without catching its errors, the
 * API answers 500, as in production.
 */
public final class Uploads {

    /** S3's minimum size of every part but the last, and its maximum part size. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** More than this many existing uploads refuse a new one ({@code count() > 2000}). */
    public static final int MAX_UPLOADS_PER_USER = 2000;
    private static final Duration PART_URL_VALIDITY = Duration.ofHours(1);

    /** A part as named in a completion request; {@code extraKeys} when it also carries LastModified or Size. */
    public record PartRef(Long partNumber, String etag, boolean extraKeys) {
    }

    private final EmulatorState state;
    private final BlobStore blobs;
    private final UrlSigner signer;
    private final Clock clock;
    private final LongSupplier quotaBytes;

    /** @param quotaBytes the upload limit per user, read at every check (tests change it on a running emulator) */
    public Uploads(EmulatorState state, BlobStore blobs, UrlSigner signer, Clock clock, LongSupplier quotaBytes) {
        this.state = state;
        this.blobs = blobs;
        this.signer = signer;
        this.clock = clock;
        this.quotaBytes = quotaBytes;
    }

    /** {@code POST uploads/}: the S3 multipart upload is created at once, so the upload starts {@code Initialized}. */
    public Upload create(User user, String filename) {
        if (state.uploads(u -> u.creatorId() == user.id()).size() > MAX_UPLOADS_PER_USER) {
            throw ApiError.nonField("You have created too many uploads. Please try again later.");
        }
        Upload upload = new Upload(EmulatorState.newUuid(), user.id(), filename, "emu-" + EmulatorState.newUuid(),
                clock.instant());
        state.addUpload(upload);
        return upload;
    }

    /** The caller's upload; others' and unknown ones are 404 (the view's permission filter). */
    public Upload owned(User user, String pk) {
        return state.upload(pk).filter(u -> user != null && u.creatorId() == user.id())
                .orElseThrow(() -> ApiError.notFound("UserUpload", pk));
    }

    /** The caller's upload addressed with its S3 upload id; a mismatch is the view's bare {@code Http404}. */
    public Upload owned(User user, String pk, String s3UploadId) {
        Upload upload = owned(user, pk);
        if (!upload.s3UploadId().equals(s3UploadId)) {
            throw ApiError.detail(404, "Not found.");
        }
        return upload;
    }

    /**
     * {@code can_upload_more}: only an {@code Initialized} upload, and only while this upload's parts plus the
     * user's completed uploads still in storage stay under the quota; else 403 "Upload limit reached".
     */
    public void checkCanUploadMore(Upload upload) {
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw ApiError.detail(403, "Upload limit reached");
        }
        long completed = state.uploads(u -> u.creatorId() == upload.creatorId() && Upload.COMPLETED.equals(u.status()))
                .stream().mapToLong(Upload::size).sum();
        if (upload.partBytes() + completed >= quotaBytes.getAsLong()) {
            throw ApiError.detail(403, "Upload limit reached");
        }
    }

    /** The path and query of a presigned part URL (valid 1 h), like boto3's {@code generate_presigned_url}. */
    public String presignedPartPath(Upload upload, long partNumber) {
        String resource = partResource(upload.key(), upload.s3UploadId(), String.valueOf(partNumber));
        return resource + "&" + signer.sign("PUT " + resource, PART_URL_VALIDITY);
    }

    private static String partResource(String key, String uploadId, String partNumber) {
        return "/storage/" + key + "?uploadId=" + uploadId + "&partNumber=" + partNumber;
    }

    /**
     * {@code complete_multipart_upload}: a {@code RuntimeError} (500) unless {@code Initialized}; boto3 refuses a
     * part with other keys than ETag and PartNumber; S3 refuses no parts, unknown parts or ETags (compared without
     * their quotes), parts out of order and parts but the last under 5 MiB. Each refusal is a 500.
     */
    public void complete(Upload upload, List<PartRef> parts) {
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw new ServerError("Upload " + upload.pk() + " is not initialized (" + upload.status() + ")");
        }
        for (PartRef part : parts) {
            if (part.extraKeys()) {
                throw new StorageFailure("ParamValidationError: unknown parameter in MultipartUpload.Parts of upload "
                        + upload.pk() + ": only ETag and PartNumber are allowed");
            }
        }
        if (parts.isEmpty()) {
            throw new StorageFailure("MalformedXML: no parts given to complete upload " + upload.pk());
        }
        Map<Integer, Upload.Part> stored = new TreeMap<>();
        upload.parts().forEach(p -> stored.put(p.partNumber(), p));
        List<Upload.Part> chosen = new ArrayList<>();
        long previous = 0;
        for (PartRef part : parts) {
            Upload.Part p = part.partNumber() == null ? null : stored.get(part.partNumber().intValue());
            if (p == null || part.etag() == null || !unquoted(p.etag()).equals(unquoted(part.etag()))) {
                throw new StorageFailure("InvalidPart: part " + part.partNumber() + " of upload " + upload.pk()
                        + " is missing or its ETag does not match");
            }
            if (part.partNumber() <= previous) {
                throw new StorageFailure("InvalidPartOrder: parts of upload " + upload.pk()
                        + " must be listed in ascending order");
            }
            previous = part.partNumber();
            chosen.add(p);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw new StorageFailure("EntityTooSmall: part " + chosen.get(i).partNumber() + " of upload "
                        + upload.pk() + " has " + chosen.get(i).size() + " bytes, at least 5 MiB expected");
            }
        }
        List<Path> partFiles = chosen.stream().map(Upload.Part::blob).toList();
        long size = chosen.stream().mapToLong(Upload.Part::size).sum();
        upload.complete(blobs.resolve(upload.key()), size, () -> blobs.concatenate(upload.key(), partFiles));
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    /** {@code abort_multipart_upload}: a {@code RuntimeError} (500) unless {@code Initialized}. */
    public void abort(Upload upload) {
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw new ServerError("Upload " + upload.pk() + " is not initialized (" + upload.status() + ")");
        }
        upload.abort();
    }

    /** {@code list_parts}: a {@code RuntimeError} (500) unless {@code Initialized}. */
    public List<Upload.Part> listParts(Upload upload) {
        if (!Upload.INITIALIZED.equals(upload.status())) {
            throw new ServerError("Upload " + upload.pk() + " is not initialized (" + upload.status() + ")");
        }
        return upload.parts();
    }

    /**
     * S3's {@code UploadPart} through a presigned URL: the signature in the query string is the only credential.
     *
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @param contentLength the request's {@code Content-Length}, or {@code null} (chunked)
     * @return the part's quoted-MD5 ETag
     * @throws S3Error as S3 answers
     */
    public String putPart(String userId, String pk, Map<String, String> query, String authorization,
            String contentLength, InputStream body) throws IOException {
        String uploadId = query.get("uploadId");
        String partNumber = query.get("partNumber");
        String resource = partResource("uploads/" + userId + "/" + pk, uploadId, partNumber);
        checkCredentials("PUT " + resource, query, authorization);
        if (contentLength == null) {
            throw new S3Error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        }
        Upload upload = state.upload(pk).orElse(null);
        if (upload == null || uploadId == null || partNumber == null || !Upload.INITIALIZED.equals(upload.status())
                || !upload.s3UploadId().equals(uploadId) || !upload.key().equals("uploads/" + userId + "/" + pk)) {
            throw new S3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                    + "or the upload may have been aborted or completed.");
        }
        if (parseLong(contentLength) > MAX_PART_SIZE) {
            throw new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
        int number = Integer.parseInt(partNumber);
        BlobStore.Stored stored = blobs.write("parts/" + upload.pk() + "/" + number, body);
        String etag = "\"" + stored.md5() + "\"";
        upload.putPart(new Upload.Part(number, etag, stored.size(), clock.instant(), stored.path()));
        return etag;
    }

    /** A signed, short-lived URL path for a stored file (what {@code /media/} redirects to). */
    public String objectPath(Path file) {
        String resource = "/storage/objects/" + blobs.keyOf(file);
        return resource + "?" + signer.sign("GET " + resource, Duration.ofMinutes(5));
    }

    /**
     * S3's {@code GetObject} through a signed URL.
     *
     * @return the file
     * @throws S3Error as S3 answers
     */
    public Path getObject(String key, Map<String, String> query, String authorization) {
        checkCredentials("GET /storage/objects/" + key, query, authorization);
        Path file = blobs.resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new S3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return file;
    }

    /** S3 takes exactly one credential: a query-string signature and an Authorization header together are refused. */
    private void checkCredentials(String resource, Map<String, String> query, String authorization) {
        boolean signed = query.containsKey("X-Amz-Signature") || query.containsKey("X-Amz-Algorithm")
                || query.containsKey("Signature");
        if (signed && authorization != null) {
            throw new S3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified",
                    "Authorization");
        }
        switch (signer.check(resource, query.get("X-Amz-Expires"), query.get("X-Amz-Signature"))) {
            case EXPIRED -> throw new S3Error(403, "AccessDenied", "Request has expired");
            case INVALID -> throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does "
                    + "not match the signature you provided. Check your key and signing method.");
            default -> {
            }
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Deletes an upload once imported ({@code user_uploads.all().delete()}): the record and its stored object, so
     * {@code uploads/<pk>/} answers 404 from then on.
     */
    public void delete(Upload upload) {
        state.removeUpload(upload.pk());
        try {
            if (Upload.COMPLETED.equals(upload.status()) && upload.blob() != null) {
                Files.deleteIfExists(upload.blob());
            }
        } catch (IOException e) {
            // a leftover file in the storage folder is harmless
        }
    }
}
