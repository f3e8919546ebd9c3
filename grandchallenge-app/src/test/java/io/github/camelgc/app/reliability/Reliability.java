package io.github.camelgc.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Shared pieces of the reliability suite: small scans, the "nothing lost, nothing duplicated, nothing partial"
 * checks against the work folder and the emulator's state, and log capture for the token greps.
 */
final class Reliability {

    static final String LOBES_ALGORITHM = "pulmonary-lobe-segmentation";

    /** Whether the heavier variants (1000 files, repeated kill loops) run: {@code -Dreliability.heavy=true}. */
    static boolean heavy() {
        return Boolean.getBoolean("reliability.heavy");
    }

    private Reliability() {
    }

    /** A small (32×32×16 voxels, 32 KiB) but valid CT scan; the seed makes each one distinct. */
    static Path smallScan(Path file, int seed) throws IOException {
        MetaImage scan = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 32, 32, 16));
        for (long i = 0; i < scan.elementCount(); i++) {
            scan.setLong(i, (i + seed) % 2 == 0 ? -1000 : 40 + seed % 100);
        }
        Path temp = file.resolveSibling("." + file.getFileName()); // hidden: the service ignores it
        MetaImageWriter.write(temp, scan);
        return Files.move(temp, file);
    }

    /** Drops {@code count} scans named {@code <prefix>NNN.mha} into the inbox; returns their names without .mha. */
    static List<String> dropScans(Path inbox, String prefix, int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("%s%03d", prefix, i);
            smallScan(inbox.resolve(name + ".mha"), i);
            names.add(name);
        }
        return names;
    }

    /** The lobe-segmentation jobs on the emulator, by the name of their input image. */
    static Map<String, List<Job>> lobeJobsByInputName(GrandChallengeEmulator emulator) {
        Map<String, List<Job>> byName = new TreeMap<>();
        for (Job job : emulator.state().jobs()) {
            if (!LOBES_ALGORITHM.equals(job.algorithm().slug())) {
                continue;
            }
            String name = job.inputs().stream().filter(v -> v.imagePk() != null)
                    .map(v -> emulator.state().image(v.imagePk()).map(i -> i.name()).orElse("?"))
                    .findFirst().orElse("(no input yet)");
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(job);
        }
        return byName;
    }

    /** How many lobe-segmentation jobs the emulator holds. */
    static long lobeJobs(GrandChallengeEmulator emulator) {
        return emulator.state().jobs().stream().filter(j -> LOBES_ALGORITHM.equals(j.algorithm().slug())).count();
    }

    /** Whether every input has its results (lobes and lung mask) and sits in {@code .done/}. */
    static boolean allComplete(Path inbox, Path outbox, List<String> names) {
        return names.stream().allMatch(n -> Files.exists(outbox.resolve(n + "_lobes.mha"))
                && Files.exists(outbox.resolve(n + "_lungs.mha")) && Files.exists(inbox.resolve(".done/" + n + ".mha")));
    }

    /**
     * Exactly one result set per input, nothing lost, nothing failed, exactly one job per input on the platform, no
     * partial file under a final name (every result is a complete, readable MetaImage).
     */
    static void assertExactlyOnce(GrandChallengeEmulator emulator, Path inbox, Path outbox, List<String> names)
            throws IOException {
        for (String name : names) {
            assertThat(inbox.resolve(".done/" + name + ".mha")).as("input %s in .done/", name).exists();
            assertThat(inbox.resolve(name + ".mha")).as("input %s left the inbox", name).doesNotExist();
            MetaImage lobes = MetaImageReader.read(outbox.resolve(name + "_lobes.mha"));
            assertThat(lobes.elementCount()).as("complete result for %s", name).isEqualTo(32L * 32 * 16);
            MetaImageReader.read(outbox.resolve(name + "_lungs.mha"));
        }
        assertThat(inbox.resolve(".failed")).as("nothing failed").satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        Map<String, List<Job>> jobs = lobeJobsByInputName(emulator);
        List<String> duplicated = jobs.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " x" + e.getValue().size()).collect(Collectors.toList());
        assertThat(duplicated).as("inputs with more than one job").isEmpty();
        assertThat(jobs.keySet()).as("one job per input")
                .containsAll(names.stream().map(n -> n + ".mha").toList());
        Set<String> inputFiles = names.stream().map(n -> n + ".mha").collect(Collectors.toSet());
        // an upload whose creation answer was lost holds no parts (nothing to clean; the platform expires it)
        assertThat(emulator.state().uploads(u -> inputFiles.contains(u.filename())
                && io.github.camelgc.emulator.model.Upload.INITIALIZED.equals(u.status()) && u.partBytes() > 0))
                .as("uploads of these inputs left open with parts (an interrupted upload is aborted by the next "
                    + "attempt)").isEmpty();
        try (Stream<Path> files = Files.list(outbox)) {
            List<String> results = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
            List<String> expected = names.stream().flatMap(n -> Stream.of(n + "_lobes.mha", n + "_lungs.mha"))
                    .sorted().toList();
            assertThat(results).as("exactly one result set per input, nothing else under a final name")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Copies a test's captured service log to {@code target/reliability-logs/} for reading after a failure. */
    static void keepLog(Path work, String name) {
        try {
            Path log = work.resolve("service.log");
            if (Files.exists(log)) {
                // every logger at TRACE: tens of MB per scenario, a tenth of that compressed
                Path folder = Files.createDirectories(Path.of("target", "reliability-logs"));
                Path kept = folder.resolve(name + "-" + System.currentTimeMillis() + ".log.gz");
                try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(kept))) {
                    Files.copy(log, out);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every {@code .error.txt} under a folder, concatenated. The service moves files while this walks the folder (a
     * scan moved to {@code .done/} between listing and reading its attributes): a walk that meets a vanished entry is
     * done again.
     */
    static String errorFiles(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".error.txt")).toList()) {
                    all.append(file.getFileName()).append(": ").append(Files.readString(file)).append('\n');
                }
                return all.toString();
            } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
                boolean vanished = e instanceof java.nio.file.NoSuchFileException
                        || e.getCause() instanceof java.nio.file.NoSuchFileException;
                if (!vanished || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Captures the output of every logger at TRACE until closed (the service, the component, Camel, HttpClient's
     * header and wire loggers, Jetty, the emulator): the token must not appear in any of it.
     */
    static final class LogCapture implements AutoCloseable {
        private final StringWriter text = new StringWriter();
        private final WriterAppender appender;
        private final Path copy;
        private final Map<LoggerConfig, Level> previous = new java.util.HashMap<>();
        /** Loggers made non-additive while capturing, with their parents' appenders of their own. */
        private final Map<LoggerConfig, List<String>> inherited = new java.util.IdentityHashMap<>();

        /** @param copy where the captured text is also written when closed (kept for a failed test) */
        LogCapture(Path copy) {
            this(copy, Level.TRACE);
        }

        /**
         * @param copy  where the captured text is also written when closed (kept for a failed test)
         * @param level what every logger sends to the capture from (INFO: the service's console lines and every
         *              library's warnings, with their stack traces)
         */
        LogCapture(Path copy, Level level) {
            this.copy = copy;
            LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
            Configuration configuration = loggers.getConfiguration();
            appender = WriterAppender.newBuilder().setName("reliability-capture").setTarget(text)
                    .setLayout(PatternLayout.newBuilder().withPattern("%c %m %throwable%n").build()).build();
            appender.start();
            configuration.addAppender(appender);
            // getLoggers() may hold the root logger too: each config once
            java.util.Set<LoggerConfig> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            all.addAll(configuration.getLoggers().values());
            all.add(configuration.getRootLogger());
            for (LoggerConfig logger : all) {
                Level before = logger.getLevel();
                previous.putIfAbsent(logger, before);
                // the console keeps what it printed before; only the capture gets everything
                for (var existing : logger.getAppenders().values()) {
                    logger.removeAppender(existing.getName());
                    logger.addAppender(existing, before, null);
                }
                // a logger quieter than its parents (e.g. Camel's YAML notation warning at ERROR) would reach their
                // console at their level: it gets their appenders at its own level instead
                if (logger.isAdditive() && logger.getParent() != null) {
                    List<String> names = new ArrayList<>();
                    for (LoggerConfig parent = logger.getParent(); parent != null; parent = parent.getParent()) {
                        for (var parentAppender : parent.getAppenders().values()) {
                            if (parentAppender == appender) {
                                continue;
                            }
                            logger.addAppender(parentAppender, before, null);
                            names.add(parentAppender.getName());
                        }
                        if (!parent.isAdditive()) {
                            break;
                        }
                    }
                    inherited.put(logger, names);
                    logger.setAdditive(false);
                }
                logger.setLevel(level);
                logger.addAppender(appender, level, null);
            }
            loggers.updateLoggers();
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        /** The captured console lines ({@code grandchallenge} logger) that contain {@code part}. */
        List<String> consoleLines(String part) {
            return text().lines().filter(line -> line.startsWith("grandchallenge ") && line.contains(part)).toList();
        }

        /** Captured lines that are part of a stack trace (none is expected: failures are one line each). */
        List<String> stackTraceLines() {
            return text().lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by: ")).toList();
        }

        /**
         * The captured lines of the service's side: all but the in-process emulator's HTTP request parser, which
         * logs the requests it receives (headers included) as any server may; in production the platform is not in
         * the service's process.
         */
        String serviceSide() {
            return text().lines().filter(line -> !line.startsWith("org.eclipse.jetty.http.HttpParser "))
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public void close() {
            LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
            // the service's own levels (log4j2-test.xml) come back for the tests that follow
            previous.forEach((logger, level) -> {
                logger.removeAppender(appender.getName());
                for (var existing : logger.getAppenders().values()) {
                    logger.removeAppender(existing.getName());
                    logger.addAppender(existing, null, null);
                }
                logger.setLevel(level);
            });
            inherited.forEach((logger, names) -> {
                names.forEach(logger::removeAppender);
                logger.setAdditive(true);
            });
            loggers.updateLoggers();
            appender.stop();
            try {
                Files.writeString(copy, text());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
