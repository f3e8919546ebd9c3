package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every inbox entry gets a fate, also the ones the inbox's own consumer never takes:
 * <ul>
 * <li>a <b>file inbox</b> (one {@code .mha} per job, read by a file consumer that takes every entry but folders, and
 * whose {@link ImageFileCheck} refuses links, pipes and other non-files): a folder, or a link to one, goes to
 * {@code .failed/} with a reason once it is unchanged for {@code settle} (a folder still being copied in is left to
 * finish first);</li>
 * <li>a <b>case inbox</b> (one folder per job, read by {@link CaseFolders}): a file or special file goes to
 * {@code .failed/} once unchanged for {@code settle}, a link (to a file or a folder) at once;</li>
 * <li><b>hidden</b> entries (names starting with {@code .}) are left alone: copy tools write their temporary files so
 * (rsync: {@code .name.XXXXXX}), and {@code .done/} and {@code .failed/} are the service's own. One that stays
 * unchanged for {@code grace} is mentioned once on the console (an abandoned copy, or a scan to rename);</li>
 * <li>with <b>ready markers</b> on, an input without its {@code <name>.ready} marker is left alone until the marker
 * appears, and mentioned once when it has been waiting for {@code grace}; so is a marker without its input.</li>
 * </ul>
 */
public class InboxEntries {

    /** An inbox and what it takes. */
    public record Inbox(Path folder, boolean takesFolders) {
    }

    private final List<Inbox> inboxes;
    private final Duration settle;
    private final Duration grace;
    private final boolean readyMarkers;
    private final DropFolder dropFolder;
    private final Clock clock;

    public InboxEntries(List<Inbox> inboxes, Duration settle, Duration grace, boolean readyMarkers,
            DropFolder dropFolder, Clock clock) {
        this.inboxes = List.copyOf(inboxes);
        this.settle = settle;
        this.grace = grace;
        this.readyMarkers = readyMarkers;
        this.dropFolder = dropFolder;
        this.clock = clock;
    }

    /** Looks at every inbox once (a timer route calls this). */
    public void sweep() {
        for (Inbox inbox : inboxes) {
            if (!Files.isDirectory(inbox.folder())) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox.folder())) {
                for (Path entry : entries) {
                    look(inbox, entry);
                }
            } catch (IOException e) {
                dropFolder.console().warn(inbox.folder().toString(), "unlistable", "{}: cannot list the inbox: {}",
                        inbox.folder().getFileName(), DiskProblem.describe(e));
            }
        }
    }

    private void look(Inbox inbox, Path entry) {
        String name = entry.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return;
        }
        Instant changed = newestChange(entry, attributes);
        if (name.startsWith(".")) {
            if (!name.equals(DropFolder.DONE) && !name.equals(DropFolder.FAILED) && older(changed, grace)) {
                dropFolder.console().info(entry.toString(), "hidden", "{}: left alone: names starting with '.' are "
                        + "temporary files of copy tools, and this one has not changed for over {} s. If it is a scan "
                        + "(or case) to submit, rename it without the leading dot.", name, grace.toSeconds());
            }
            return;
        }
        if (readyMarkers && name.endsWith(DropFolder.READY_SUFFIX)) {
            Path input = entry.resolveSibling(name.substring(0, name.length() - DropFolder.READY_SUFFIX.length()));
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS) && older(changed, grace)) {
                dropFolder.console().info(entry.toString(), "orphan marker", "{}: a ready marker without its input "
                        + "{}; it is left alone (markers are created after the input is complete).", name,
                        input.getFileName());
            }
            return;
        }
        // a file inbox's consumer takes links to files (its check refuses them) but sees neither folders, nor links
        // to folders, nor links that lead nowhere; a case inbox takes real folders only
        boolean stray = inbox.takesFolders() ? !attributes.isDirectory()
                : Files.isDirectory(entry) || attributes.isSymbolicLink() && !Files.exists(entry);
        if (stray) {
            // a link never waits (it is made at once); anything else is left to finish being copied first
            if (attributes.isSymbolicLink() || older(changed, settle)) {
                refuse(inbox, entry, name, attributes);
            }
            return;
        }
        if (readyMarkers && !Files.exists(entry.resolveSibling(name + DropFolder.READY_SUFFIX))
                && older(changed, grace)) {
            dropFolder.console().info(entry.toString(), "no marker", "{}: waits for its marker {}{} "
                    + "(grandchallenge.inbox.readyMarker is on): create the marker once the {} is complete.", name,
                    name, DropFolder.READY_SUFFIX, inbox.takesFolders() ? "case folder" : "file");
        }
    }

    private void refuse(Inbox inbox, Path entry, String name, BasicFileAttributes attributes) {
        String reason;
        String toTryAgain;
        if (!attributes.isSymbolicLink() && inbox.takesFolders()) {
            reason = "'" + name + "' is " + (attributes.isRegularFile() ? "a file" : "not a folder") + "; this inbox "
                    + "takes registration case folders, one per job, each holding the case's .mha files.";
            toTryAgain = "To try again, put it into a case folder with the case's other files and drop that folder "
                    + "into the inbox.";
        } else {
            try {
                ImageFileCheck.refuseWhatIsNotAFile(name, attributes);
                return; // a regular file: the inbox's consumer takes it
            } catch (InputRejectedException e) {
                reason = e.getMessage();
                toTryAgain = e.toTryAgain();
            }
        }
        try {
            dropFolder.fail(entry, reason, toTryAgain);
        } catch (DiskProblem e) {
            dropFolder.console().warn(entry.toString(), "cannot fail", "{}: {}; it stays where it is and is failed "
                    + "on a later look: {}", name, e.getMessage(), reason);
        }
    }

    private boolean older(Instant changed, Duration age) {
        return !changed.plus(age).isAfter(clock.instant());
    }

    /** The latest change of the entry, or of anything directly inside it (a folder being filled). */
    private static Instant newestChange(Path entry, BasicFileAttributes attributes) {
        Instant newest = attributes.lastModifiedTime().toInstant();
        if (!attributes.isDirectory()) {
            return newest;
        }
        try (DirectoryStream<Path> inside = Files.newDirectoryStream(entry)) {
            for (Path file : inside) {
                Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
            }
        } catch (IOException e) {
            // unreadable inside: the folder's own time is all there is
        }
        return newest;
    }
}
