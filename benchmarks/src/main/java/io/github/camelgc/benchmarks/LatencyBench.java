package io.github.camelgc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;

/**
 * Figure 6: time from a job turning {@code Succeeded} in the emulator (watched in-process every 2 ms) to its output
 * being in the outbox, through the drop-folder service, against its configured job poll delay.
 */
final class LatencyBench {

    private static final Duration DROP_EVERY = Duration.ofMillis(1300);

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    LatencyBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    void run() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("latency"));
        List<Path> files = BatchBench.scans(work.resolve("staging"), options.latencySamples);
        Tuning tuning = Tuning.forEmulator();
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                .storageDir(tmp.resolve("latency-storage")).phantomCases(0).jobStepDelay(Duration.ofMillis(100)));
                EmbeddedPlatform platform = EmbeddedPlatform.of(gc);
                GrandChallengeService service = GrandChallengeService.start(
                        AppSettings.resolve(Map.of()).withWorkDir(work.resolve("work")), platform, tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            Map<String, Long> succeeded = new HashMap<>();
            Map<String, Long> written = new HashMap<>();
            long nextDrop = System.nanoTime();
            int dropped = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (written.size() < files.size()) {
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException("Only " + written.size() + " of " + files.size()
                                                    + " outputs after 3 minutes");
                }
                if (dropped < files.size() && now >= nextDrop) {
                    Path file = files.get(dropped++);
                    Files.move(file, inbox.resolve(file.getFileName()));
                    nextDrop = now + DROP_EVERY.toNanos();
                }
                for (Job job : gc.state().jobs()) {
                    if (job.status() == JobStatus.SUCCEEDED && !job.inputs().isEmpty()) {
                        String name = gc.state().image(job.inputs().get(0).imagePk()).orElseThrow().name();
                        succeeded.putIfAbsent(stem(name), now);
                    }
                }
                for (String stem : succeeded.keySet()) {
                    if (!written.containsKey(stem) && Files.exists(outbox.resolve(stem + "_lobes.mha"))) {
                        written.put(stem, now);
                    }
                }
                Thread.sleep(2);
            }
            List<Double> latencies = new ArrayList<>();
            written.forEach((stem, at) -> latencies.add((at - succeeded.get(stem)) / 1e9));
            latencies.sort(Double::compare);
            double max = latencies.get(latencies.size() - 1);
            double median = latencies.get(latencies.size() / 2);
            double delay = tuning.jobPoll().toMillis() / 1000.0;
            figures.add(new Figure("latency Succeeded -> outbox, max of " + latencies.size(), "s",
                    "poll delay + 1 s", delay + 1, max, false, "<= delay + 1 s", max <= delay + 1));
            figures.add(new Figure("latency Succeeded -> outbox, median", "s", "poll delay", delay, median, false, "",
                    null));
        } finally {
            DataFiles.deleteRecursively(work);
        }
    }

    private static String stem(String name) {
        return name.endsWith(".mha") ? name.substring(0, name.length() - 4) : name;
    }
}
