package io.github.camelgc.emulator.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A user upload: an S3 multipart upload brokered by the API (spec §11). Thread-safe. */
public final class Upload {

    /** Upload status strings. */
    public static final String INITIALIZED = "Initialized";
    public static final String COMPLETED = "Completed";
    public static final String ABORTED = "Aborted";

    /** One uploaded part, kept on disk. */
    public record Part(int partNumber, String etag, long size, Instant lastModified, Path blob) {
    }

    private final String pk;
    private final int creatorId;
    private final String filename;
    private final Instant created;
    private final Map<Integer, Part> parts = new TreeMap<>();
    private String s3UploadId;
    private String status = INITIALIZED;
    private Path blob;
    private long size;

    public Upload(String pk, int creatorId, String filename, String s3UploadId, Instant created) {
        this.pk = pk;
        this.creatorId = creatorId;
        this.filename = filename;
        this.s3UploadId = s3UploadId;
        this.created = created;
    }

    public String pk() {
        return pk;
    }

    public int creatorId() {
        return creatorId;
    }

    public String filename() {
        return filename;
    }

    public Instant created() {
        return created;
    }

    /** S3 object key {@code uploads/<creator id>/<upload pk>}. */
    public String key() {
        return "uploads/" + creatorId + "/" + pk;
    }

    public synchronized String s3UploadId() {
        return s3UploadId;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized void putPart(Part part) {
        parts.put(part.partNumber(), part);
    }

    public synchronized List<Part> parts() {
        return new ArrayList<>(parts.values());
    }

    public synchronized long partBytes() {
        return parts.values().stream().mapToLong(Part::size).sum();
    }

    public synchronized void complete(Path completed, long completedSize) {
        status = COMPLETED;
        blob = completed;
        size = completedSize;
        parts.clear();
    }

    public synchronized void abort() {
        status = ABORTED;
        s3UploadId = "";
        parts.clear();
    }

    /** The completed object's bytes on disk, or {@code null} before completion. */
    public synchronized Path blob() {
        return blob;
    }

    public synchronized long size() {
        return size;
    }
}
