package io.github.camelgc.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.Platform;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Socket;
import org.apache.camel.ProducerTemplate;

/**
 * {@code --demo}: drops two phantom CT scans into the lobe inbox, lets the service segment them and derive lung
 * masks, feeds scans and masks to the registration workflow as one case (case01 vs case02, as in the tutorial),
 * waits for the archive workflow to cover every archive image, then prints what was written where.
 */
public final class Demo {

    static final String FIXED = "case01";
    static final String MOVING = "case02";
    static final String CASE = FIXED + "-vs-" + MOVING;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    private final AppSettings settings;
    private final Platform platform;
    private final Tuning tuning;
    private final PrintStream out;
    private Instant started = Instant.EPOCH;

    public Demo(AppSettings settings, Platform platform, Tuning tuning, PrintStream out) {
        this.settings = settings;
        this.platform = platform;
        this.tuning = tuning;
        this.out = out;
    }

    /** Runs the demo; returns 0 when all four workflows completed, 1 otherwise. */
    public int run() throws Exception {
        WorkFolders folders = new WorkFolders(settings.workDir()).create();
        // results of an earlier demo in the same work folder must not count: only files written from now on do
        started = Instant.now().minusSeconds(1);
        Path lobeInbox = folders.inbox(WorkFolders.LOBES);
        Path lobeOutbox = folders.outbox(WorkFolders.LOBES);
        DemoScans.dropInto(lobeInbox, FIXED, 1);
        DemoScans.dropInto(lobeInbox, MOVING, 2);
        out.println("demo: dropped " + FIXED + ".mha and " + MOVING + ".mha into " + lobeInbox);

        try (GrandChallengeService service = GrandChallengeService.start(settings, platform, tuning)) {
            ProducerTemplate template = service.camelContext().createProducerTemplate();
            try {
                step("1. segment lobes", folders,
                        () -> fresh(lobeOutbox, FIXED + "_lobes.mha", MOVING + "_lobes.mha"));
                step("2. lung masks", folders,
                        () -> fresh(lobeOutbox, FIXED + "_lungs.mha", MOVING + "_lungs.mha"));

                Path caseOutbox = folders.outbox(WorkFolders.REGISTRATION).resolve(CASE);
                List<String> outputs = outputSlugs(template, WorkFolders.REGISTRATION);
                dropRegistrationCase(folders);
                step("3. register " + CASE, folders,
                        () -> outputs.stream().allMatch(s -> fresh(caseOutbox, s + ".mha")));

                int images = template.requestBody("grandchallenge:archive?archive=" + WorkFolders.ARCHIVE
                        + "&operation=listImages", null, List.class).size();
                Path archiveOutbox = folders.outbox(WorkFolders.ARCHIVE);
                step("4. archive " + WorkFolders.ARCHIVE + " (" + images + " images)", folders,
                        () -> countFresh(archiveOutbox.resolve("output_scans")) >= images
                                && countFresh(archiveOutbox.resolve("output_screenshots")) >= images);
            } catch (DemoFailure failure) {
                out.println("demo: FAILED - " + failure.getMessage());
                return 1;
            } finally {
                template.stop();
            }
        }
        printSummary(folders);
        return 0;
    }

    /** Waits for a step's outputs; fails early when anything lands in a .failed folder. */
    private void step(String name, WorkFolders folders, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (!done.getAsBoolean()) {
            List<Path> failed = failedInputs(folders);
            if (!failed.isEmpty()) {
                throw new DemoFailure(name + ": inputs failed, see " + failed);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoFailure(name + ": not done after " + STEP_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(250);
        }
        out.println("demo: " + name + " - done");
    }

    /** The tutorial feeds the lung masks of both scans into the registration: fixed = case01, moving = case02. */
    private void dropRegistrationCase(WorkFolders folders) {
        Path lobeDone = folders.inbox(WorkFolders.LOBES).resolve(".done");
        Path lobeOutbox = folders.outbox(WorkFolders.LOBES);
        Path inbox = folders.inbox(WorkFolders.REGISTRATION);
        try {
            // staged under a hidden name and renamed, so the service never sees a half-filled case
            Path staging = Files.createDirectories(inbox.resolve("." + CASE + ".staging"));
            Files.copy(lobeDone.resolve(FIXED + ".mha"), staging.resolve("fixed-image.mha"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lobeDone.resolve(MOVING + ".mha"), staging.resolve("moving-image.mha"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lobeOutbox.resolve(FIXED + "_lungs.mha"), staging.resolve("fixed-mask.mha"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lobeOutbox.resolve(MOVING + "_lungs.mha"), staging.resolve("moving-mask.mha"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, inbox.resolve(CASE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot assemble the registration case: " + e.getMessage(), e);
        }
        out.println("demo: dropped case folder " + CASE + " (scans + lung masks) into " + inbox);
    }

    private static List<String> outputSlugs(ProducerTemplate template, String algorithm) {
        Algorithm found = template.requestBody("grandchallenge:algorithm?algorithm=" + algorithm, null,
                Algorithm.class);
        return found.allOutputSockets().stream().map(Socket::getSlug).toList();
    }

    private void printSummary(WorkFolders folders) throws IOException {
        out.println();
        out.println("demo: all four workflows completed. Written under " + folders.root() + ":");
        try (Stream<Path> files = Files.walk(folders.root().resolve("outbox"))) {
            List<Path> written = files.filter(Files::isRegularFile).filter(p -> !hiddenUnder(folders.root(), p))
                    .map(p -> folders.root().relativize(p)).sorted().toList();
            int width = written.stream().mapToInt(p -> p.toString().length()).max().orElse(0);
            for (Path file : written) {
                out.printf("  %-" + width + "s %,12d bytes%n", file, Files.size(folders.root().resolve(file)));
            }
        }
        out.println("Inputs that were submitted are in the inboxes' .done/ folders.");
    }

    /** Inputs that failed during this demo (their reason files were written since it started). */
    private List<Path> failedInputs(WorkFolders folders) {
        List<Path> failed = new ArrayList<>();
        for (Path inbox : List.of(folders.inbox(WorkFolders.LOBES), folders.inbox(WorkFolders.REGISTRATION))) {
            Path folder = inbox.resolve(".failed");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    entries.filter(p -> p.getFileName().toString().endsWith(".error.txt")).filter(this::fresh)
                            .forEach(failed::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return failed;
    }

    /** Whether all the files exist and were written during this demo. */
    private boolean fresh(Path folder, String... names) {
        return Stream.of(names).map(folder::resolve).allMatch(this::fresh);
    }

    private boolean fresh(Path file) {
        try {
            return Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(started);
        } catch (IOException e) {
            return false;
        }
    }

    private long countFresh(Path folder) {
        return list(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".")).filter(this::fresh)
                .count();
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hiddenUnder(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A demo step that did not complete. */
    static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }
}
