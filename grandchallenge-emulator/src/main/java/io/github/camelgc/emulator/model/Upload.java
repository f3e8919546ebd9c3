package io.github.camelgc.emulator.model;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private Assembly pendingAssembly;
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
        complete(completed, completedSize, null);
    }

    /** Writes a completed object's bytes to its file. */
    @FunctionalInterface
    public interface Assembly {
        void run() throws IOException;
    }

    /**
     * Completes the upload; {@code assembly} (may be {@code null}) writes the object's file from its parts on the
     * first {@link #blob()} call. Like S3, completing then costs no copy of the data while the client waits: the
     * copy happens when the platform imports the upload, in the background.
     */
    public synchronized void complete(Path completed, long completedSize, Assembly assembly) {
        status = COMPLETED;
        blob = completed;
        size = completedSize;
        pendingAssembly = assembly;
        parts.clear();
    }

    public synchronized void abort() {
        status = ABORTED;
        s3UploadId = "";
        parts.clear();
    }

    /** The completed object's bytes on disk, or {@code null} before completion. */
    public synchronized Path blob() {
        if (pendingAssembly != null) {
            try {
                pendingAssembly.run();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot assemble upload " + pk + " from its parts: " + e.getMessage(), e);
            }
            pendingAssembly = null;
        }
        return blob;
    }

    public synchronized long size() {
        return size;
    }
}
