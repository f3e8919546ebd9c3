package io.github.camelgc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelgc.grandchallenge.outputs.FileNames;

/** The layout of the work folder: one inbox and one outbox per workflow, and the service's state. */
public record WorkFolders(Path root) {

    public static final String LOBES = "pulmonary-lobe-segmentation";
    public static final String REGISTRATION = "deep-learning-based-ct-lung-registration";
    public static final String ARCHIVE = "coronacasesorg";

    public Path inbox(String workflow) {
        return root.resolve("inbox").resolve(workflow);
    }

    public Path outbox(String workflow) {
        return root.resolve("outbox").resolve(workflow);
    }

    /** Consumer positions, idempotent repositories and the job ledger: what makes restarts safe. */
    public Path state() {
        return root.resolve("state");
    }

    /**
     * The state that only holds for one platform (consumer positions, job ids): a folder per API host and port, so
     * a fresh embedded emulator never inherits the positions of an earlier one, and grand-challenge.org keeps its own.
     */
    public Path platformState(String baseUrl) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + "_" + uri.getPort();
        return state().resolve(FileNames.sanitize(authority));
    }

    /** Creates every folder (idempotent). */
    public WorkFolders create() {
        try {
            Files.createDirectories(inbox(LOBES));
            Files.createDirectories(inbox(REGISTRATION));
            Files.createDirectories(outbox(LOBES));
            Files.createDirectories(outbox(REGISTRATION));
            Files.createDirectories(outbox(ARCHIVE).resolve("output_scans"));
            Files.createDirectories(outbox(ARCHIVE).resolve("output_screenshots"));
            Files.createDirectories(state());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work folders under " + root + ": " + e.getMessage(), e);
        }
        return this;
    }
}
