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

/**
 * The performance benchmark of issue 7: every figure against a baseline measured in the same run, printed one line
 * each and written into {@code docs/performance.md} (between the results markers). Run from the repository root:
 * <pre>java -jar benchmarks/target/benchmarks.jar [--quick] [--only transfer,polling,batch,latency]
 *     [--out docs/performance.md] [--no-doc] [--profile DIR]</pre>
 */
public final class Benchmarks {

    static final String BEGIN = "<!-- results:begin (written by the benchmark; do not edit by hand) -->";
    static final String END = "<!-- results:end -->";

    /** Sizes and switches; {@code --quick} shrinks everything for a smoke run of about a minute. */
    static final class Options {
        long[] uploadSizes = {1L << 30, 4L << 30};
        long downloadSize = 1L << 30;
        int rounds = 3;
        /** Parts in flight for our upload; 4 is the component's default. */
        int uploadConcurrency = 4;
        boolean curl = onPath("curl");
        int historyJobs = 10_000;
        int runningJobs = 200;
        int batchFiles = 500;
        int sequentialFiles = 40;
        int latencySamples = 10;
        Set<String> only = Set.of("transfer", "polling", "batch", "latency");
        Path out = Path.of("docs", "performance.md");
        boolean writeDoc = true;
        boolean quick;
        boolean profile;
        Path profileDir;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> {
                        o.quick = true;
                        o.uploadSizes = new long[] {64L << 20, 256L << 20};
                        o.downloadSize = 128L << 20;
                        o.rounds = 1;
                        o.historyJobs = 1_000;
                        o.runningJobs = 50;
                        o.batchFiles = 40;
                        o.sequentialFiles = 8;
                        o.latencySamples = 3;
                    }
                    case "--only" -> o.only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                    case "--out" -> o.out = Path.of(args[++i]);
                    case "--no-doc" -> o.writeDoc = false;
                    case "--upload-concurrency" -> o.uploadConcurrency = Integer.parseInt(args[++i]);
                    case "--upload-mib" -> o.uploadSizes = Arrays.stream(args[++i].split(","))
                            .mapToLong(m -> Long.parseLong(m) << 20).toArray();
                    case "--no-curl" -> o.curl = false;
                    case "--profile" -> {
                        o.profile = true;
                        o.profileDir = Path.of(args[++i]).toAbsolutePath();
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; known: --quick, --only transfer,polling,batch,latency, --out FILE, --no-doc, --no-curl, --profile DIR");
                }
            }
            return o;
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

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", "classpath:log4j2-benchmarks.xml");
        Options options = Options.parse(args);
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
        String block = BEGIN + "\n\n" + "Run of " + java.time.LocalDate.now() + " on " + Machine.describe()
                + " at the end (" + startLoad + " at the start)"
                + "; whole run " + took.toMinutes() + " min " + took.toSecondsPart() + " s"
                + (options.quick ? " (**--quick**: small sizes, not for the record)" : "") + ".\n\n"
                + table(figures) + "\n" + END;
        Path out = options.out;
        String doc;
        if (Files.exists(out)) {
            String old = Files.readString(out, StandardCharsets.UTF_8);
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
