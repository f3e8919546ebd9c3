package io.github.camelgc.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.camelgc.metaimage.cli.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The performance benchmark of issue 7: every figure against a baseline measured in the same run, printed one line
 * each and written into {@code docs/performance.md} (between the results markers). Run from the repository root:
 * <pre>java -jar benchmarks/target/benchmarks.jar [--quick] [--only transfer,polling,batch,latency,state,nodes]
 *     [--out docs/performance.md] [--no-doc] [--no-curl] [--upload-concurrency N] [--upload-mib 64,256]
 *     [--profile DIR]</pre>
 * {@code --help} lists every option.
 */
public final class Benchmarks {

    static final String BEGIN = "<!-- results:begin (written by the benchmark; do not edit by hand) -->";
    static final String END = "<!-- results:end -->";

    /** Sizes and switches; {@code --quick} shrinks everything for a smoke run of about a minute. */
    @Command(name = "benchmarks", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
            sortOptions = false,
            description = {"Measures every performance figure of camel-grandchallenge against its baseline in the "
                + "same run, prints one line per figure and writes the table into docs/performance.md.",
                "Run it from the repository root; it needs about 10 GiB free in the temporary folder."},
            footer = {"", "Exit codes: 0 done, 1 failed, 2 wrong usage."})
    static final class Options implements Callable<Integer> {
        static final Set<String> SECTIONS = Set.of("transfer", "polling", "batch", "latency", "state", "nodes");

        @Spec
        CommandSpec spec;

        long[] uploadSizes = {1L << 30, 4L << 30};
        long downloadSize = 1L << 30;
        int rounds = 3;
        /** Parts in flight for our upload; 4 is the component's default. */
        @Option(names = "--upload-concurrency", paramLabel = "N",
                description = "parts in flight for our upload (default: ${DEFAULT-VALUE}, the component's)")
        int uploadConcurrency = 4;
        boolean curl = onPath("curl");
        int historyJobs = 10_000;
        int runningJobs = 200;
        int batchFiles = 500;
        int sequentialFiles = 40;
        int latencySamples = 10;
        /** Finished jobs in the state stores when the state cost per job is measured, and jobs timed. */
        int stateHistory = 100_000;
        int stateJobs = 2_000;
        /** Scans dropped for each node count of the several-nodes figure. */
        int nodeFiles = 200;
        @Option(names = "--only", paramLabel = "SECTION", split = ",",
                description = "run only these sections of transfer,polling,batch,latency,state,nodes (default: all); "
                    + "the document keeps the figures of the sections not run")
        Set<String> only = SECTIONS;
        @Option(names = "--out", paramLabel = "FILE",
                description = "the document to write the table into (default: ${DEFAULT-VALUE})")
        Path out = Path.of("docs", "performance.md");
        boolean writeDoc = true;
        boolean quick;
        boolean profile;
        Path profileDir;

        @Option(names = "--quick", description = "small sizes: a smoke run of about two minutes, not for the record")
        void quick(boolean on) {
            if (!on) {
                return;
            }
            quick = true;
            uploadSizes = new long[] {64L << 20, 256L << 20};
            downloadSize = 128L << 20;
            rounds = 1;
            historyJobs = 1_000;
            runningJobs = 50;
            batchFiles = 40;
            sequentialFiles = 8;
            latencySamples = 3;
            stateHistory = 10_000;
            stateJobs = 300;
            nodeFiles = 24;
        }

        @Option(names = "--no-doc", description = "print the figures only, do not write the document")
        void noDoc(boolean on) {
            writeDoc = !on;
        }

        @Option(names = "--no-curl", description = "skip the curl baselines (also when curl is on the PATH)")
        void noCurl(boolean on) {
            curl = curl && !on;
        }

        @Option(names = "--upload-mib", paramLabel = "MIB", split = ",",
                description = "upload sizes in MiB instead of the default 1024,4096 (or --quick's 64,256)")
        void uploadMib(long[] mebibytes) {
            uploadSizes = Arrays.stream(mebibytes).map(m -> m << 20).toArray();
        }

        @Option(names = "--profile", paramLabel = "DIR", description = "record the transfer client with JFR into DIR")
        void profile(Path dir) {
            profile = true;
            profileDir = dir.toAbsolutePath();
        }

        @Override
        public Integer call() throws Exception {
            if (!SECTIONS.containsAll(only)) {
                throw new ParameterException(spec.commandLine(), "--only takes sections of " + SECTIONS
                        + ", got " + only);
            }
            run(this);
            return 0;
        }
    }

    /** Whether an executable of that name is on the PATH. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", "classpath:log4j2-benchmarks.xml");
        // the services it starts serve their metrics on a free port, never on a running service's 9464
        System.setProperty("grandchallenge.http.port", "0");
        System.exit(CommandLines.execute(new Options(), args, System.out, System.err));
    }

    private static void run(Options options) throws Exception {
        if (options.profile) {
            Files.createDirectories(options.profileDir);
        }
        Instant started = Instant.now();
        String startLoad = Machine.loadAverage();
        List<Figure> figures = new ArrayList<>();
        System.out.println("camel-grandchallenge benchmark" + (options.quick ? " (--quick: small sizes, not for the record)" : "")
                + "; " + Machine.describe());
        Path tmp = Files.createTempDirectory("gc-bench-");
        try {
            if (options.only.contains("transfer")) {
                section("transfer", figures, () -> new TransferBench(options, tmp, figures).run());
            }
            if (options.only.contains("polling")) {
                section("polling", figures, () -> new PollingBench(options, tmp, figures).run());
            }
            if (options.only.contains("batch")) {
                section("batch", figures, () -> new BatchBench(options, tmp, figures).run());
            }
            if (options.only.contains("latency")) {
                section("latency", figures, () -> new LatencyBench(options, tmp, figures).run());
            }
            if (options.only.contains("state")) {
                section("state", figures, () -> new StateBench(options, tmp, figures).run());
            }
            if (options.only.contains("nodes")) {
                section("nodes", figures, () -> new NodesBench(options, tmp, figures).run());
            }
        } finally {
            DataFiles.deleteRecursively(tmp);
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.printf(Locale.ROOT, "Done in %d min %02d s.%n", took.toMinutes(), took.toSecondsPart());
        if (options.writeDoc) {
            writeDoc(options, figures, took, startLoad);
            System.out.println("Table written to " + options.out);
        }
    }

    interface Section {
        void run() throws Exception;
    }

    private static void section(String name, List<Figure> figures, Section section) throws Exception {
        int before = figures.size();
        Instant started = Instant.now();
        section.run();
        for (Figure figure : figures.subList(before, figures.size())) {
            System.out.println(figure.line());
        }
        System.out.printf(Locale.ROOT, "  (%s: %d s)%n", name, Duration.between(started, Instant.now()).toSeconds());
    }

    /**
     * The existing results with the rows of this (partial) run in place of the rows of the same name, new rows
     * appended to the table, and a line saying when these sections ran.
     */
    static String merged(String existingDoc, List<Figure> figures, String note) {
        int begin = existingDoc.indexOf(BEGIN);
        int end = existingDoc.indexOf(END);
        if (begin < 0 || end < begin) {
            return note + "\n\n" + table(figures);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(existingDoc.substring(begin + BEGIN.length(), end)
                .strip().split("\n", -1)));
        List<String> rows = Arrays.asList(table(figures).strip().split("\n"));
        int lastRow = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| ")) {
                lastRow = i;
            }
        }
        if (lastRow < 0) {
            return note + "\n\n" + table(figures);
        }
        for (String row : rows.subList(2, rows.size())) {
            String name = row.substring(0, row.indexOf(" | ", 2) + 3);
            int same = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(name)) {
                    same = i;
                }
            }
            if (same >= 0) {
                lines.set(same, row);
            } else {
                lines.add(++lastRow, row);
            }
        }
        lines.removeIf(line -> line.startsWith("Sections ") && line.contains(note.substring(0, note.indexOf(':'))));
        lines.add("");
        lines.add(note);
        return String.join("\n", lines).strip() + "\n";
    }

    static String table(List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append("| Figure | Baseline | Baseline value | Ours | Ratio | Target | Met |\n");
        md.append("|---|---|---:|---:|---:|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name()).append(" | ").append(f.baselineLabel()).append(" | ")
                    .append(Figure.num(f.baseline())).append(' ').append(f.unit()).append(" | ")
                    .append(Figure.num(f.ours())).append(' ').append(f.unit()).append(" | ").append(f.ratioText())
                    .append(" | ").append(f.target()).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    private static void writeDoc(Options options, List<Figure> figures, Duration took, String startLoad)
            throws IOException {
        String run = "Run of " + java.time.LocalDate.now() + " on " + Machine.describe()
                + " at the end (" + startLoad + " at the start)"
                + "; whole run " + took.toMinutes() + " min " + took.toSecondsPart() + " s"
                + (options.quick ? " (**--quick**: small sizes, not for the record)" : "") + ".";
        Path out = options.out;
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        String block = BEGIN + "\n\n" + (options.only.containsAll(Options.SECTIONS) ? run + "\n\n" + table(figures)
                : merged(existing, figures, "Sections " + String.join(", ", new java.util.TreeSet<>(options.only))
                        + ": " + run.substring(0, 1).toLowerCase(Locale.ROOT) + run.substring(1))) + "\n" + END;
        String doc;
        if (Files.exists(out)) {
            String old = existing;
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            doc = begin >= 0 && end > begin ? old.substring(0, begin) + block + old.substring(end + END.length())
                    : old + "\n" + block + "\n";
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            doc = "# Performance\n\n" + block + "\n";
        }
        Files.writeString(out, doc, StandardCharsets.UTF_8);
    }
}
