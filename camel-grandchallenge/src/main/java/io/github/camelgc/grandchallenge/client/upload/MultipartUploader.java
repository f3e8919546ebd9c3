package io.github.camelgc.grandchallenge.client.upload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.HttpTransport;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.UserUpload;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one file with the S3 multipart protocol. Memory stays flat whatever the file size: parts stream from disk,
 * and at most {@code uploadConcurrency} parts are in flight. Presigned URLs are fetched in batches just before use
 * (they expire), a part whose URL expired (403) is presigned again, and any failure aborts the upload.
 */
public final class MultipartUploader {

    /** Part numbers per presign request, as gcapi does. */
    static final int PRESIGN_BATCH = 5;
    private static final int MAX_PARTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);
    private static final JavaType UPLOAD = TypeFactory.defaultInstance().constructType(UserUpload.class);

    private final HttpTransport transport;
    private final URI base;
    private final ExecutorService pool;
    private final UploadProgressListener progress;
    private final UploadTracker tracker;

    /**
     * @param progress told after every accepted part, or {@code null}
     */
    public MultipartUploader(HttpTransport transport, URI base, ExecutorService pool, UploadProgressListener progress) {
        this(transport, base, pool, progress, null);
    }

    /**
     * @param progress told after every accepted part, or {@code null}
     * @param tracker  told when an upload was created, before its parts, or {@code null}
     */
    public MultipartUploader(HttpTransport transport, URI base, ExecutorService pool, UploadProgressListener progress,
            UploadTracker tracker) {
        this.transport = transport;
        this.base = base;
        this.pool = pool;
        this.progress = progress;
        this.tracker = tracker;
    }

    /**
     * Uploads {@code file} under {@code filename} and returns the completed upload.
     *
     * @throws GrandChallengeUploadException when any step fails (the upload is aborted first)
     */
    public UserUpload upload(Path file, String filename) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new GrandChallengeUploadException("Cannot read the size of '" + file.getFileName() + "': " + e, e);
        }
        long partSize = transport.settings().uploadPartSize();
        long partCount = Math.max(1, (size + partSize - 1) / partSize);
        if (partCount > MAX_PARTS) {
            throw new GrandChallengeUploadException("'" + file.getFileName() + "' needs " + partCount
                                                    + " parts of " + partSize + " bytes; S3 allows at most " + MAX_PARTS
                                                    + ": raise uploadPartSize", null);
        }
        long started = System.nanoTime();
        ObjectNode createBody = Json.mapper().createObjectNode().put("filename", filename);
        UserUpload upload = transport.sendJson("POST", base.resolve("uploads/"), createBody, UPLOAD, false);
        if (tracker != null) {
            tracker.started(upload);
        }
        LOG.debug("Uploading {} ({} bytes, {} parts) as upload {}", filename, size, partCount, upload.pk());
        String[] etags = new String[(int) partCount];
        List<Future<?>> parts = new ArrayList<>();
        AtomicLong uploaded = new AtomicLong();
        report(filename, 0, size);
        try {
            Semaphore inFlight = new Semaphore(transport.settings().uploadConcurrency());
            for (int first = 1; first <= partCount; first += PRESIGN_BATCH) {
                int last = (int) Math.min(partCount, first + PRESIGN_BATCH - 1L);
                Map<String, String> urls = presign(upload, first, last);
                for (int number = first; number <= last; number++) {
                    inFlight.acquire();
                    failFast(parts);
                    long offset = (number - 1) * partSize;
                    long length = Math.min(partSize, size - offset);
                    int partNumber = number;
                    String url = urls.get(Integer.toString(number));
                    parts.add(pool.submit(() -> {
                        try {
                            etags[partNumber - 1] = putPart(upload, file, partNumber, offset, length, url);
                            report(filename, uploaded.addAndGet(length), size);
                        } finally {
                            inFlight.release();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> part : parts) {
                part.get();
            }
            UserUpload completed = complete(upload, etags);
            transport.settings().metrics().uploaded(size, java.time.Duration.ofNanos(System.nanoTime() - started));
            return completed;
        } catch (Exception e) {
            parts.forEach(p -> p.cancel(true));
            abortQuietly(upload);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new GrandChallengeUploadException("Uploading '" + filename + "' (" + size + " bytes) failed; upload "
                                                    + upload.pk() + " was aborted: " + cause.getMessage(), cause);
        }
    }

    private void report(String filename, long uploadedBytes, long totalBytes) {
        if (progress == null) {
            return;
        }
        try {
            progress.onProgress(filename, uploadedBytes, totalBytes);
        } catch (RuntimeException e) {
            // Progress is informational: a faulty listener must not fail the upload.
            LOG.warn("Upload progress listener failed: {}", e.toString());
        }
    }

    private static void failFast(List<Future<?>> parts) throws ExecutionException, InterruptedException {
        for (Future<?> part : parts) {
            if (part.isDone()) {
                part.get();
            }
        }
    }

    private Map<String, String> presign(UserUpload upload, int first, int last) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode numbers = body.putArray("part_numbers");
        for (int n = first; n <= last; n++) {
            numbers.add(n);
        }
        UserUpload presigned = transport.sendJson("PATCH", uploadUri(upload, "generate-presigned-urls/"), body, UPLOAD,
                true);
        if (presigned.presignedUrls() == null) {
            throw new GrandChallengeException("The server returned no presigned URLs for parts " + first + "-" + last
                                              + " of upload " + upload.pk());
        }
        return presigned.presignedUrls();
    }

    private String putPart(UserUpload upload, Path file, int number, long offset, long length, String url) {
        String target = url;
        for (int attempt = 1;; attempt++) {
            if (target == null) {
                throw new GrandChallengeException("No presigned URL for part " + number + " of upload " + upload.pk());
            }
            HttpTransport.Call call = new HttpTransport.Call("PUT", URI.create(target),
                    new FileRegionEntity(file, offset, length), false, true);
            try (ClassicHttpResponse response = transport.open(call)) {
                Header etag = response.getFirstHeader("ETag");
                if (etag == null) {
                    throw new GrandChallengeException("Part " + number + " of upload " + upload.pk()
                                                      + " was accepted without an ETag header");
                }
                return etag.getValue();
            } catch (GrandChallengeApiException e) {
                // An expired presigned URL gives 403: ask for a fresh one once.
                if (e.getStatusCode() != 403 || attempt > 1) {
                    throw e;
                }
                target = presign(upload, number, number).get(Integer.toString(number));
            } catch (IOException e) {
                throw new GrandChallengeException("Closing the response of part " + number + " failed: " + e, e);
            }
        }
    }

    private UserUpload complete(UserUpload upload, String[] etags) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode parts = body.putArray("parts");
        for (int i = 0; i < etags.length; i++) {
            parts.addObject().put("ETag", etags[i]).put("PartNumber", i + 1);
        }
        return transport.sendJson("PATCH", uploadUri(upload, "complete-multipart-upload/"), body, UPLOAD, false);
    }

    /**
     * Aborts an upload that is still waiting for its parts (e.g. one an earlier process started and did not live to
     * finish), so its parts do not stay on the platform; an upload that is gone or no longer open is left alone.
     */
    public void abort(String uploadPk, String s3UploadId) {
        try {
            transport.sendJson("PATCH", base.resolve("uploads/" + uploadPk + "/" + s3UploadId + "/abort-multipart-upload/"),
                    Json.mapper().createObjectNode(), UPLOAD, true);
            LOG.info("Aborted upload {}, left unfinished by an interrupted attempt", uploadPk);
        } catch (GrandChallengeApiException e) {
            // 404: gone (imported, expired); 4xx/500: not open any more (completed or aborted already)
            LOG.debug("Upload {} was not open any more: {}", uploadPk, e.getMessage());
        }
    }

    private void abortQuietly(UserUpload upload) {
        try {
            transport.sendJson("PATCH", uploadUri(upload, "abort-multipart-upload/"),
                    Json.mapper().createObjectNode(), UPLOAD, true);
        } catch (RuntimeException e) {
            LOG.warn("Aborting upload {} failed: {}", upload.pk(), e.getMessage());
        }
    }

    private URI uploadUri(UserUpload upload, String action) {
        return base.resolve("uploads/" + upload.pk() + "/" + upload.s3UploadId() + "/" + action);
    }
}
