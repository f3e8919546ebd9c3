package io.github.camelgc.emulator.model;

import java.util.ArrayList;
import java.util.List;

/** A raw image upload session (legacy image import, spec §12). Thread-safe. */
public final class UploadSession {

    private final String pk;
    private final int creatorId;
    private final List<String> uploadPks;
    private final List<String> imagePks = new ArrayList<>();
    private String status = "Queued";
    private String errorMessage = "";
    private boolean claimed;

    public UploadSession(String pk, int creatorId, List<String> uploadPks) {
        this.pk = pk;
        this.creatorId = creatorId;
        this.uploadPks = new ArrayList<>(uploadPks);
    }

    public String pk() {
        return pk;
    }

    public int creatorId() {
        return creatorId;
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

    /** Claims a target-less {@code Queued} session for one job or item; false when already used. */
    public synchronized boolean claim() {
        if (claimed || !status.equals("Queued")) {
            return false;
        }
        claimed = true;
        return true;
    }

    public synchronized void processing() {
        status = "Re-Queued";
    }

    public synchronized void succeeded(List<String> images) {
        imagePks.addAll(images);
        uploadPks.clear();
        status = "Succeeded";
    }

    public synchronized void failed(String message) {
        errorMessage = message;
        status = "Failed";
    }
}
