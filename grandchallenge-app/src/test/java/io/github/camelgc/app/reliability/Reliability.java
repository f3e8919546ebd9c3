package io.github.camelgc.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                Path folder = Files.createDirectories(Path.of("target", "reliability-logs"));
                Files.copy(log, folder.resolve(name + "-" + System.currentTimeMillis() + ".log"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every {@code .error.txt} under a folder, concatenated. */
    static String errorFiles(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".error.txt")).toList()) {
                all.append(file.getFileName()).append(": ").append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /** Captures the service's, the component's and Camel's log output at DEBUG until closed. */
    static final class LogCapture implements AutoCloseable {
        private static final List<String> LOGGERS = List.of("grandchallenge", "io.github.camelgc", "org.apache.camel");
        private final StringWriter text = new StringWriter();
        private final WriterAppender appender;
        private final Path copy;
        private final Map<String, LoggerConfig> previous = new TreeMap<>();

        /** @param copy where the captured text is also written when closed (kept for a failed test) */
        LogCapture(Path copy) {
            this.copy = copy;
            LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
            Configuration configuration = loggers.getConfiguration();
            appender = WriterAppender.newBuilder().setName("reliability-capture").setTarget(text)
                    .setLayout(PatternLayout.newBuilder().withPattern("%c %m %throwable%n").build()).build();
            appender.start();
            configuration.addAppender(appender);
            for (String name : LOGGERS) {
                LoggerConfig existing = configuration.getLoggers().get(name);
                if (existing != null) {
                    previous.put(name, existing);
                    // addLogger keeps a configured logger of the same name: replace it, or nothing reaches us
                    configuration.removeLogger(name);
                }
                LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
                logger.addAppender(appender, Level.DEBUG, null);
                configuration.addLogger(name, logger);
            }
            loggers.updateLoggers();
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        @Override
        public void close() {
            LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
            LOGGERS.forEach(name -> loggers.getConfiguration().removeLogger(name));
            // the service's own console configuration (log4j2.xml) comes back for the tests that follow
            previous.forEach((name, config) -> loggers.getConfiguration().addLogger(name, config));
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
