package io.github.camelgc.emulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw image upload session ({@code RawImageUploadSession}, spec §12): {@code Queued} until processing is asked
 * for, {@code Re-Queued} while it runs, then {@code Succeeded} or {@code Failed}. Thread-safe.
 */
public final class UploadSession {

    public static final String QUEUED = "Queued";
    public static final String REQUEUED = "Re-Queued";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    private final String pk;
    private final int creatorId;
    private final Instant created;
    private final List<String> uploadPks;
    private final List<String> imagePks = new ArrayList<>();
    private String status = QUEUED;
    private String errorMessage = "";

    public UploadSession(String pk, int creatorId, List<String> uploadPks) {
        this(pk, creatorId, uploadPks, Instant.now());
    }

    public UploadSession(String pk, int creatorId, List<String> uploadPks, Instant created) {
        this.pk = pk;
        this.creatorId = creatorId;
        this.uploadPks = new ArrayList<>(uploadPks);
        this.created = created;
    }

    public String pk() {
        return pk;
    }

    public int creatorId() {
        return creatorId;
    }

    public Instant created() {
        return created;
    }

    public synchronized List<String> uploadPks() {
        return new ArrayList<>(uploadPks);
    }

    public synchronized String status() {
        return status;
    }

    public synchronized String errorMessage() {
        return errorMessage;
    }

    public synchronized List<String> imagePks() {
        return new ArrayList<>(imagePks);
    }

    /**
     * {@code process_images}: a {@code Queued} session becomes {@code Re-Queued}.
     *
     * @return false when the session is no longer {@code Queued} (already processed or processing)
     */
    public synchronized boolean claim() {
        if (!status.equals(QUEUED)) {
            return false;
        }
        status = REQUEUED;
        return true;
    }

    /** Kept for callers of the earlier API: same as {@link #claim()}. */
    public synchronized void processing() {
        claim();
    }

    /** Images were created; {@code message} reports files that could not be imported ({@code ""} when none). */
    public synchronized void succeeded(List<String> images, String message) {
        imagePks.addAll(images);
        errorMessage = message;
        status = SUCCEEDED;
    }

    public synchronized void succeeded(List<String> images) {
        succeeded(images, "");
    }

    /** The uploads were deleted after a successful import. */
    public synchronized void uploadsDeleted() {
        uploadPks.clear();
    }

    public synchronized void failed(String message) {
        errorMessage = message;
        status = FAILED;
    }
}
