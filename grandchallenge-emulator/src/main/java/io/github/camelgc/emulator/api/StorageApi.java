package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The S3 stand-in under {@code /storage/}: presigned part PUTs answering a quoted-MD5 {@code ETag}, and
 * signed object GETs that the {@code /media/} redirects point to. No token: the signature is the credential.
 */
public final class StorageApi {

    private final ApiContext ctx;

    public StorageApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    /** The path and query (without signature) of a part upload. */
    static String partResource(Upload upload, int partNumber) {
        return "/storage/" + upload.key() + "?uploadId=" + upload.s3UploadId() + "&partNumber=" + partNumber;
    }

    /** A signed, short-lived storage URL for a stored file. */
    public static String objectUrl(ApiCall call, ApiContext ctx, Path file) {
        String resource = "/storage/objects/" + ctx.blobs().keyOf(file);
        return call.url(resource) + "?" + ctx.signer().sign("GET " + resource, Duration.ofMinutes(5));
    }

    public void register(Router router) {
        router.put("/storage/uploads/{user}/{pk}", this::putPart);
        router.get("/storage/objects/{key*}", this::getObject);
    }

    private Reply putPart(ApiCall call) throws IOException {
        Upload upload = ctx.state().upload(call.param("pk")).orElse(null);
        String uploadId = call.query("uploadId");
        String partNumber = call.query("partNumber");
        if (upload == null || uploadId == null || partNumber == null) {
            return s3Error(404, "NoSuchUpload", "The specified upload does not exist.");
        }
        String resource = "/storage/uploads/" + call.param("user") + "/" + call.param("pk") + "?uploadId=" + uploadId
                + "&partNumber=" + partNumber;
        if (!ctx.signer().verify("PUT " + resource, call.query("X-Amz-Expires"), call.query("X-Amz-Signature"))) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match.");
        }
        if (!Upload.INITIALIZED.equals(upload.status()) || !upload.s3UploadId().equals(uploadId)) {
            return s3Error(404, "NoSuchUpload", "The specified upload does not exist.");
        }
        int number = Integer.parseInt(partNumber);
        BlobStore.Stored stored = ctx.blobs().write("parts/" + upload.pk() + "/" + number, call.body());
        String etag = "\"" + stored.md5() + "\"";
        upload.putPart(new Upload.Part(number, etag, stored.size(), ctx.clock().instant(), stored.path()));
        return Reply.empty(200).header("ETag", etag);
    }

    private Reply getObject(ApiCall call) {
        String resource = "/storage/objects/" + call.param("key");
        if (!ctx.signer().verify("GET " + resource, call.query("X-Amz-Expires"), call.query("X-Amz-Signature"))) {
            return s3Error(403, "AccessDenied", "Request has expired or the signature does not match.");
        }
        Path file = ctx.blobs().resolve(call.param("key"));
        if (!Files.isRegularFile(file)) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return Reply.stream("application/octet-stream", size, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        });
    }

    private static Reply s3Error(int status, String code, String message) {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        return Reply.stream(status, "application/xml", xml.length, out -> out.write(xml));
    }
}
