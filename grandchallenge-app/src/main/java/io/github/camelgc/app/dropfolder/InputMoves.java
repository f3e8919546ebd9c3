package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.camelgc.grandchallenge.outputs.AtomicFiles;
import io.github.camelgc.grandchallenge.outputs.FileNames;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileEndpoint;

/**
 * How an input leaves its inbox: moved (a link as the link, never what it points to) into {@code .done/} or
 * {@code .failed/} next to it, its {@code .ready} marker used up, and forgotten by the file consumer that took it.
 * Every failure is a {@link DiskProblem}: the input then keeps its place.
 */
final class InputMoves {

    static final String DONE = ".done";
    static final String FAILED = ".failed";
    static final String READY_SUFFIX = ".ready";

    private InputMoves() {
    }

    /** Writes the reason into {@code .failed/}, then moves the input next to it (never one without the other). */
    static void toFailed(Path input, String reasonText) {
        Path failedFolder = folderFor(input, FAILED);
        Path errorFile = failedFolder.resolve(FileNames.withSuffix(input.getFileName().toString(), ".error.txt"));
        try {
            Files.createDirectories(failedFolder);
            AtomicFiles.writeString(errorFile, reasonText);
        } catch (IOException e) {
            throw DiskProblem.of("cannot write its reason into " + FAILED + "/", e);
        }
        try {
            into(input, FAILED);
        } catch (DiskProblem e) {
            try {
                Files.deleteIfExists(errorFile);
            } catch (IOException ignored) {
                // the next try writes it again
            }
            throw e;
        }
    }

    /**
     * A file consumer with {@code noop=true} remembers every file it took (by name, size and time) until it stops.
     * Once the input has its fate it has left the inbox, and the same file dropped again (moved back from
     * {@code .failed/}, name, size and time unchanged) is a new drop: without this it was ignored for good, silently.
     */
    static void releaseFromConsumer(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof GenericFileEndpoint<?> files && files.isIdempotent()
                && files.getIdempotentRepository() != null) {
            String key = files.getIdempotentKey() != null ? files.getIdempotentKey().evaluate(exchange, String.class)
                    : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
            if (key != null) {
                files.getIdempotentRepository().remove(key);
            }
        }
    }

    /** The inbox's {@code folderName} folder; an input already under {@code .done/} uses its inbox's. */
    static Path folderFor(Path input, String folderName) {
        Path parent = input.toAbsolutePath().getParent();
        Path inbox = DONE.equals(String.valueOf(parent.getFileName())) ? parent.getParent() : parent;
        return inbox.resolve(folderName);
    }

    /**
     * Moves a file or folder (a link as the link, never what it points to) into the named sibling folder and uses
     * up its {@code .ready} marker; an older entry of the same name there is renamed aside.
     */
    static Path into(Path input, String folderName) {
        try {
            Path folder = Files.createDirectories(folderFor(input, folderName));
            Path target = folder.resolve(input.getFileName());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // the newest input keeps its name (results are named after it); the older one is kept aside
                Files.move(target, folder.resolve(input.getFileName() + "-" + System.currentTimeMillis()),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Path moved = Files.move(input, target, StandardCopyOption.ATOMIC_MOVE);
            consumeMarker(input);
            return moved;
        } catch (IOException e) {
            throw DiskProblem.of("cannot move it to " + folderName + "/", e);
        }
    }

    /** The input's {@code .ready} marker is used up with it (a marker left behind is harmless: it names nothing). */
    private static void consumeMarker(Path input) {
        try {
            Files.deleteIfExists(input.resolveSibling(input.getFileName() + READY_SUFFIX));
        } catch (IOException e) {
            // the input has its fate already; the marker of a file no longer in the inbox is never read
        }
    }

    /** {@code inbox/<workflow>/}: where an input waits, as the operator knows the folder. */
    static String inboxName(Path input) {
        Path folder = input.toAbsolutePath().getParent();
        Path above = folder.getParent();
        return (above == null ? "" : above.getFileName() + "/") + folder.getFileName() + "/";
    }
}
