package io.github.camelgc.app.dropfolder;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * Watches a folder of case folders, each holding one file per input socket ({@code <socket>.mha}), and hands out a
 * case once it is complete: every expected file present, nothing else, and unchanged between two scans and for at
 * least {@code settle} (fully written). A case that is still incomplete or holds unknown files after {@code grace}
 * without changes fails with a reason naming what was expected.
 * <p>
 * Camel's file consumer works on single files; a case is a folder of several files submitted as one job, so the
 * folder logic lives here.
 */
public class CaseFolders {

    private final Path inbox;
    private final List<String> sockets;
    private final Duration settle;
    private final Duration grace;
    private final DropFolder dropFolder;
    private final Clock clock;
    private final Map<Path, Map<String, String>> lastSeen = new ConcurrentHashMap<>();
    private volatile boolean readyMarkers;

    public CaseFolders(Path inbox, List<String> sockets, Duration settle, Duration grace, DropFolder dropFolder,
            Clock clock) {
        this.inbox = inbox;
        this.sockets = List.copyOf(sockets);
        this.settle = settle;
        this.grace = grace;
        this.dropFolder = dropFolder;
        this.clock = clock;
    }

    /**
     * Takes a case only once its marker {@code <case>.ready} exists next to it
     * ({@code grandchallenge.inbox.readyMarker}): for copies that cannot be made under a hidden name and renamed.
     */
    public CaseFolders withReadyMarkers(boolean on) {
        this.readyMarkers = on;
        return this;
    }

    /** The file names expected in each case folder. */
    public List<String> expectedFiles() {
        return sockets.stream().map(socket -> socket + ".mha").toList();
    }

    /**
     * Scans the inbox once. Returns one message per complete case (body: socket slug → {@link File}, header
     * {@link DropFolder#CASE_FOLDER}); fails cases that stayed incomplete past the grace period.
     */
    public List<Message> scan(CamelContext context) {
        List<Message> ready = new ArrayList<>();
        for (Path folder : caseFolders()) {
            if (!dropFolder.mayTry(folder) || readyMarkers
                    && !Files.exists(folder.resolveSibling(folder.getFileName() + DropFolder.READY_SUFFIX))) {
                continue;
            }
            Map<String, String> snapshot = snapshot(folder);
            Map<String, String> previous = lastSeen.put(folder, snapshot);
            boolean unchanged = snapshot.equals(previous);
            Instant newest = newestChange(folder);
            Set<String> missing = new TreeSet<>(expectedFiles());
            missing.removeAll(snapshot.keySet());
            Set<String> unknown = new TreeSet<>(snapshot.keySet());
            expectedFiles().forEach(unknown::remove);
            boolean settled = unchanged && newest.plus(settle).isBefore(clock.instant());
            if (missing.isEmpty() && unknown.isEmpty() && settled) {
                lastSeen.remove(folder);
                ready.add(message(context, folder));
            } else if (unchanged && newest.plus(grace).isBefore(clock.instant())) {
                lastSeen.remove(folder);
                failIncomplete(folder, missing, unknown);
            }
        }
        lastSeen.keySet().removeIf(folder -> !Files.isDirectory(folder));
        return ready;
    }

    private void failIncomplete(Path folder, Set<String> missing, Set<String> unknown) {
        String reason = incompleteReason(folder, missing, unknown);
        try {
            dropFolder.fail(folder, reason, "To try again, make the case folder hold exactly the expected files and "
                    + "drop it into the inbox again.");
        } catch (DiskProblem e) {
            // the other cases go on; this one is failed on a later scan
            dropFolder.backoffFailed(folder);
            dropFolder.console().warn(folder.toString(), "cannot fail", "{}: {}; it stays where it is and is failed "
                    + "on a later scan: {}", folder.getFileName(), e.getMessage(), reason);
        }
    }

    private String incompleteReason(Path folder, Set<String> missing, Set<String> unknown) {
        StringBuilder reason = new StringBuilder("Case folder '").append(folder.getFileName())
                .append("' did not become complete within ").append(grace.toSeconds()).append(" s.");
        if (!missing.isEmpty()) {
            reason.append(" Missing: ").append(String.join(", ", missing)).append('.');
        }
        if (!unknown.isEmpty()) {
            reason.append(" Unexpected: ").append(String.join(", ", unknown)).append('.');
        }
        return reason.append(" Expected exactly these files: ").append(String.join(", ", expectedFiles()))
                .append('.').toString();
    }

    private Message message(CamelContext context, Path folder) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String socket : sockets) {
            inputs.put(socket, folder.resolve(socket + ".mha").toFile());
        }
        Message message = new DefaultMessage(context);
        message.setBody(inputs);
        message.setHeader(DropFolder.CASE_FOLDER, folder.toString());
        // every case has the same four file names: the case folder's name tells two cases apart
        message.setHeader(GrandChallengeConstants.SUBMISSION_KEY, "case:" + folder.getFileName() + "|"
                + snapshot(folder));
        return message;
    }

    private List<Path> caseFolders() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            // a link to a folder is not a case (its files would be read through it): InboxEntries refuses it
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(p -> !hidden(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + inbox + ": " + e.getMessage(), e);
        }
    }

    /** File name → size and modification time, for the visible files of a case folder. */
    private static Map<String, String> snapshot(Path folder) {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> !hidden(p)).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                snapshot.put(file.getFileName().toString(),
                        attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            // the folder moved away while we looked: treat as empty, it is gone on the next scan
            return Map.of();
        }
        return snapshot;
    }

    private static Instant newestChange(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Instant newest = Files.getLastModifiedTime(folder).toInstant();
            for (Path file : files.toList()) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
            }
            return newest;
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static boolean hidden(Path path) {
        return Objects.toString(path.getFileName(), "").startsWith(".");
    }
}
