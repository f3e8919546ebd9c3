package io.github.camelgc.emulator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An algorithm job. Status and values change while it runs; all access is synchronized. */
public final class Job {

    private final String pk;
    private final Algorithm algorithm;
    private final String algorithmImagePk;
    private final int creatorId;
    private final Instant created;
    private final int creditsConsumed;
    private final boolean complimentary;
    private final List<SocketValue> inputs = new ArrayList<>();
    private final List<SocketValue> outputs = new ArrayList<>();
    private JobStatus status = JobStatus.VALIDATING_INPUTS;
    private Duration execDuration;
    private JobStatus holdAt;
    private boolean failRequested;

    public Job(String pk, Algorithm algorithm, String algorithmImagePk, int creatorId, Instant created) {
        this(pk, algorithm, algorithmImagePk, creatorId, created, 0, false);
    }

    /**
     * @param creditsConsumed what the job cost its creator ({@code credits_consumed}), fixed at creation
     * @param complimentary one of the free jobs of the algorithm image's editors: it costs no credits
     */
    public Job(String pk, Algorithm algorithm, String algorithmImagePk, int creatorId, Instant created,
            int creditsConsumed, boolean complimentary) {
        this.pk = pk;
        this.algorithm = algorithm;
        this.algorithmImagePk = algorithmImagePk;
        this.creatorId = creatorId;
        this.created = created;
        this.creditsConsumed = creditsConsumed;
        this.complimentary = complimentary;
    }

    public String pk() {
        return pk;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public String algorithmImagePk() {
        return algorithmImagePk;
    }

    public int creatorId() {
        return creatorId;
    }

    public Instant created() {
        return created;
    }

    public int creditsConsumed() {
        return creditsConsumed;
    }

    public boolean complimentary() {
        return complimentary;
    }

    public synchronized JobStatus status() {
        return status;
    }

    public synchronized void status(JobStatus newStatus) {
        status = newStatus;
        notifyAll();
    }

    public synchronized List<SocketValue> inputs() {
        return new ArrayList<>(inputs);
    }

    public synchronized void addInput(SocketValue value) {
        inputs.add(value);
    }

    /**
     * Sets the value of the value's socket, replacing the current one ({@code remove_civ} + {@code add_civ}), while
     * the job still validates its inputs.
     *
     * @return false when the job no longer takes inputs (e.g. it was cancelled meanwhile)
     */
    public synchronized boolean putInput(SocketValue value) {
        if (status != JobStatus.VALIDATING_INPUTS) {
            return false;
        }
        inputs.removeIf(v -> v.socket().slug().equals(value.socket().slug()));
        inputs.add(value);
        return true;
    }

    public synchronized List<SocketValue> outputs() {
        return new ArrayList<>(outputs);
    }

    public synchronized void addOutput(SocketValue value) {
        outputs.add(value);
    }

    public synchronized Duration execDuration() {
        return execDuration;
    }

    public synchronized void execDuration(Duration duration) {
        execDuration = duration;
    }

    /** Keeps the job in this state until released (admin control); {@code null} releases it. */
    public synchronized void holdAt(JobStatus state) {
        holdAt = state;
        notifyAll();
    }

    public synchronized JobStatus holdAt() {
        return holdAt;
    }

    /** Makes the job end {@code Failed} at its next step (admin control). */
    public synchronized void requestFailure() {
        failRequested = true;
        notifyAll();
    }

    public synchronized boolean failRequested() {
        return failRequested;
    }
}
