package io.github.camelgc.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Figure 5: 500 CT scans of 2 MiB dropped at once into the drop-folder service, end to end (upload, job, outputs in
 * the outbox), emulator job steps of zero; versus the tutorial's sequential loop (upload, submit, wait polling every
 * 0.5 s as gcapi's own tests do, download, next), run on a sample of the files.
 */
final class BatchBench {

    /** The emulator charges credits like the platform (50 default jobs a month); the batch measures throughput. */
    private static final int UNLIMITED_CREDITS = 1_000_000_000;

    static final String ALGORITHM = "pulmonary-lobe-segmentation";

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    BatchBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    /** {@code count} distinct phantom CTs of 128 x 128 x 64 MET_SHORT voxels (2 MiB each). */
    static List<Path> scans(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        List<Path> distinct = new ArrayList<>();
        for (int seed = 1; seed <= Math.min(4, count); seed++) {
            Path file = folder.resolve(".phantom-" + seed + ".mha");
            MetaImageWriter.write(file, ChestPhantom.builder().size(128, 128, 64).spacing(2.5, 2.5, 5.0).seed(seed)
                    .build().ct());
            distinct.add(file);
        }
        List<Path> scans = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path scan = folder.resolve(String.format("scan-%04d.mha", i));
            Files.copy(distinct.get(i % distinct.size()), scan);
            scans.add(scan);
        }
        for (Path file : distinct) {
            Files.delete(file);
        }
        return scans;
    }

    /** API requests per file of the last run (polling included), and job-count requests per file. */
    private double requestsPerFile;
    private double jobCountsPerFile;

    void run() throws Exception {
        double sequential = sequential();
        double sequentialRequests = requestsPerFile;
        double sequentialJobCounts = jobCountsPerFile;
        double service = service();
        figures.add(new Figure("batch " + options.batchFiles + " x 2 MiB scans, drop folder end to end", "files/s",
                "sequential loop (" + options.sequentialFiles + " files)", sequential, service, true, ">= 5x",
                service >= 5 * sequential));
        figures.add(new Figure("API requests per scan, drop folder end to end (polling included)", "requests",
                "sequential loop", sequentialRequests, requestsPerFile, false, "<= 10", requestsPerFile <= 10));
        figures.add(new Figure("job-count requests per scan", "requests", "sequential loop", sequentialJobCounts,
                jobCountsPerFile, false, "<= 1", jobCountsPerFile <= 1));
    }

    private void countRequests(GrandChallengeEmulator gc, int files) {
        requestsPerFile = gc.requestLog().entries().size() / (double) files;
        jobCountsPerFile = gc.requestLog().count(e -> e.method().equals("GET") && e.path().endsWith("/algorithms/jobs/")
                                                      && e.hasParameter("limit", "1")) / (double) files;
    }

    /** Files per second of the tutorial's one-at-a-time loop through the component. */
    private double sequential() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("sequential"));
        List<Path> files = scans(work.resolve("in"), options.sequentialFiles);
        Path out = Files.createDirectories(work.resolve("out"));
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                .storageDir(tmp.resolve("sequential-storage")).phantomCases(0).userCredits("demo", UNLIMITED_CREDITS));
                EmbeddedPlatform platform = EmbeddedPlatform.of(gc)) {
            CamelContext camel = new DefaultCamelContext();
            GrandChallengeComponent component = new GrandChallengeComponent();
            component.getConfiguration().setBaseUrl(platform.baseUrl());
            component.getConfiguration().setToken(platform.token());
            component.getConfiguration().setSslContextParameters(platform.trust().orElseThrow());
            component.getConfiguration().setStateDirectory(work.resolve("state").toString());
            camel.addComponent("grandchallenge", component);
            camel.start();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                long started = System.nanoTime();
                for (Path file : files) {
                    Job job = template.requestBody("grandchallenge:job?algorithm=" + ALGORITHM
                            + "&input=generic-medical-image&waitForCompletion=true&waitPollInterval=500", file, Job.class);
                    template.requestBody("grandchallenge:job?operation=downloadOutputs&outputDirectory=" + out
                            + "&outputFileName={job}_lobes{ext}", job);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                countRequests(gc, files.size());
                if (count(out, "_lobes.mha") != files.size()) {
                    throw new IllegalStateException("The sequential loop wrote " + count(out, "_lobes.mha") + " of "
                                                    + files.size() + " results");
                }
                return files.size() / seconds;
            } finally {
                camel.stop();
            }
        } finally {
            DataFiles.deleteRecursively(work);
        }
    }

    /** Files per second of the drop-folder service for the whole batch dropped at once. */
    private double service() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("service"));
        List<Path> files = scans(work.resolve("staging"), options.batchFiles);
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                .storageDir(tmp.resolve("service-storage")).phantomCases(0).userCredits("demo", UNLIMITED_CREDITS));
                EmbeddedPlatform platform = EmbeddedPlatform.of(gc);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work.resolve("work")), platform,
                        Tuning.forEmulator())) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            for (Path file : files) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
            int[] maxActive = {0};
            try (ResultWatch results = new ResultWatch(outbox)) {
                results.await("_lobes.mha", files.size(), Duration.ofMinutes(8), () -> {
                    maxActive[0] = Math.max(maxActive[0], (int) gc.state().jobs().stream()
                            .filter(j -> !j.status().isTerminal()).count());
                    if (count(inbox.resolve(".failed"), ".mha") > 0) {
                        throw new IllegalStateException("Scans failed: see " + inbox.resolve(".failed"));
                    }
                });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            countRequests(gc, files.size());
            System.out.printf("  batch: %d files in %.1f s through the drop folder, %.1f CPU s (service and emulator),"
                              + " at most %d active jobs seen (limit %d); API requests per file:%n", files.size(), seconds,
                    (cpuNanos() - cpuBefore) / 1e9, maxActive[0], gc.config().maxActiveJobsPerUser());
            for (var counter : gc.requestLog().counters()) {
                System.out.printf("    %6.2f  %s %s %d%n", counter.requests() / (double) files.size(), counter.method(),
                        counter.pattern(), counter.status());
            }
            return files.size() / seconds;
        } finally {
            DataFiles.deleteRecursively(work);
        }
    }

    /** CPU time of this process (service, emulator and all). */
    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static long count(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && n.endsWith(suffix))
                    .count();
        }
    }
}
