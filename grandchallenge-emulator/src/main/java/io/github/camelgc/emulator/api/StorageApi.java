package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.uploads.S3Error;
import io.github.camelgc.emulator.uploads.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The S3 stand-in under {@code /storage/}: presigned part PUTs answering a quoted-MD5 {@code ETag}, and signed
 * object GETs that the {@code /media/} redirects point to. The signature is the only credential: a request that
 * also carries an {@code Authorization} header is refused, as S3 does. Errors are S3's XML.
 */
public final class StorageApi {

    private final Uploads uploads;

    public StorageApi(ApiContext ctx) {
        this.uploads = ctx.backend().uploads();
    }

    public void register(Router router) {
        router.put("/storage/uploads/{user}/{pk}", this::putPart);
        router.get("/storage/objects/{key*}", this::getObject);
    }

    private Reply putPart(ApiCall call) throws IOException {
        try {
            String etag = uploads.putPart(call.param("user"), call.param("pk"), call.queryMap(),
                    call.header("authorization"), call.header("content-length"), call.body());
            return Reply.empty(200).header("ETag", etag);
        } catch (S3Error e) {
            return s3Error(e);
        }
    }

    private Reply getObject(ApiCall call) {
        Path file;
        long size;
        try {
            file = uploads.getObject(call.param("key"), call.queryMap(), call.header("authorization"));
            size = Files.size(file);
        } catch (S3Error e) {
            return s3Error(e);
        } catch (IOException e) {
            return s3Error(new S3Error(404, "NoSuchKey", "The specified key does not exist."));
        }
        return Reply.stream("application/octet-stream", size, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        });
    }

    /**
     * S3's XML error body. For {@code InvalidArgument} S3 also echoes the argument's value; the emulator leaves it
     * out, so a client's token never comes back in a body it might log.
     */
    private static Reply s3Error(S3Error e) {
        String argument = e.argumentName() == null ? "" : "<ArgumentName>" + e.argumentName() + "</ArgumentName>";
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.code() + "</Code><Message>"
                + e.getMessage() + "</Message>" + argument + "<RequestId>" + requestId + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        return Reply.stream(e.status(), "application/xml", xml.length, out -> out.write(xml));
    }
}
