package io.github.camelgc.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.api.MediaPaths;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.grandchallenge.client.ApiToken;

/**
 * Figures 1-3: upload and download throughput against the physical limit (one plain streaming PUT / GET of the
 * same bytes to the same emulator storage, and curl) and against gcapi's sequential parts; peak client heap. The
 * client side runs in a child JVM with {@code -Xmx128m}.
 */
final class TransferBench {

    private static final long MIB = 1L << 20;
    private static final long PART = 32 * MIB;

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    TransferBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    /** One child JVM answering commands. */
    private static final class Worker implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;
        final long maxHeap;

        Worker(String baseUrl, Path pem, String token, List<String> jvmOptions) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), TransferWorker.class.getName(),
                    baseUrl, pem.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(ApiToken.ENVIRONMENT_VARIABLE, token);
            process = builder.start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            while (ready != null && !ready.startsWith("READY ") && !ready.startsWith("ERROR ")) {
                ready = out.readLine(); // e.g. the JVM's own notes with --profile
            }
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IOException("The transfer worker did not start: " + ready);
            }
            maxHeap = Long.parseLong(ready.substring(6).trim());
        }

        /** Runs a command; returns {seconds, peak heap bytes}. */
        double[] run(String... command) throws IOException {
            in.println(String.join("\t", command));
            String answer = out.readLine();
            if (answer == null || !answer.startsWith("RESULT ")) {
                throw new IOException(String.join(" ", command) + ": " + answer);
            }
            String[] parts = answer.split(" ");
            return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        }

        @Override
        public void close() throws Exception {
            in.close();
            process.waitFor();
        }
    }

    void run() throws Exception {
        Path storage = Files.createDirectories(tmp.resolve("storage"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults().storageDir(storage)
                .phantomCases(0))) {
            Path pem = gc.writeCertificatePem(tmp.resolve("emulator.pem"));
            List<String> jvm = new ArrayList<>(List.of("-Xmx128m"));
            if (options.profile) {
                jvm.add("-XX:StartFlightRecording=filename=" + options.profileDir.resolve("transfer-worker.jfr")
                        + ",settings=profile");
            }
            try (Worker worker = new Worker(gc.baseUrl(), pem, gc.token("demo"), jvm)) {
                long peakUpload = 0;
                for (long size : options.uploadSizes) {
                    peakUpload = Math.max(peakUpload, uploads(worker, data, storage, size));
                }
                long peakDownload = download(gc, worker, data);
                figures.add(new Figure("peak client heap, " + label(options.uploadSizes[options.uploadSizes.length - 1])
                        + " upload (-Xmx" + worker.maxHeap / MIB + "m)", "MiB", "max heap", worker.maxHeap / (double) MIB,
                        peakUpload / (double) MIB, false, "completes", true));
                figures.add(new Figure("peak client heap, " + label(options.downloadSize) + " download (-Xmx"
                        + worker.maxHeap / MIB + "m)", "MiB", "max heap", worker.maxHeap / (double) MIB,
                        peakDownload / (double) MIB, false, "completes", true));
            }
        } finally {
            DataFiles.deleteRecursively(data);
            DataFiles.deleteRecursively(storage);
        }
    }

    /** Returns the peak heap of our upload. */
    private long uploads(Worker worker, Path data, Path storage, long size) throws Exception {
        Path file = DataFiles.random(data.resolve("upload-" + label(size).replace(" ", "") + ".bin"), size);
        settle();
        double plain = 0;
        double ours = 0;
        double gcapi = 0;
        double curl = 0;
        long peak = 0;
        int rounds = size <= (1L << 30) ? options.rounds : 1;
        try {
            for (int round = 0; round < rounds; round++) {
                plain = Math.max(plain, mibPerSecond(size, worker.run("plain-put", file.toString())));
                clearUploads(storage);
                double[] our = worker.run("ours-upload", file.toString(), Long.toString(PART),
                        Integer.toString(options.uploadConcurrency));
                peak = Math.max(peak, (long) our[1]);
                ours = Math.max(ours, mibPerSecond(size, our));
                clearUploads(storage);
                gcapi = Math.max(gcapi, mibPerSecond(size, worker.run("ours-upload", file.toString(),
                        Long.toString(PART), "1")));
                clearUploads(storage);
                if (options.curl) {
                    curl = Math.max(curl, mibPerSecond(size, worker.run("curl-put", file.toString())));
                    clearUploads(storage);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        String what = "upload " + label(size) + " (32 MiB parts x" + options.uploadConcurrency + ")";
        figures.add(new Figure(what + " vs plain PUT", "MiB/s", "one streaming PUT", plain, ours, true, ">= 0.9x",
                ours >= 0.9 * plain));
        if (options.curl) {
            figures.add(new Figure(what + " vs curl", "MiB/s", "curl --upload-file", curl, ours, true, "", null));
        }
        figures.add(new Figure(what + " vs gcapi", "MiB/s", "32 MiB parts, one at a time", gcapi, ours, true, "> 1x",
                ours > gcapi));
        return peak;
    }

    /** Returns the peak heap of our download. */
    private long download(GrandChallengeEmulator gc, Worker worker, Path data) throws Exception {
        long voxels = options.downloadSize;
        int z = (int) (voxels / (1024L * 1024L));
        Path mha = DataFiles.bigMha(data.resolve("big-output.mha"), 1024, 1024, z);
        String imagePk = gc.seedImage(mha, "big-output.mha");
        settle();
        String jobPk = gc.seedJobs("demo", "pulmonary-lobe-segmentation", JobStatus.SUCCEEDED, 1, Map.of(),
                Map.of("pulmonary-lobes", imagePk)).get(0);
        String mediaUrl = gc.baseUrl().replace("/api/v1/", "") + mediaPath(gc, imagePk);
        Path out = Files.createDirectories(data.resolve("downloads"));
        double plain = 0;
        double ours = 0;
        double curl = 0;
        long peak = 0;
        // one round more than uploads: a 1 GiB download takes only seconds, so it is the noisiest figure
        for (int round = 0; round <= options.rounds; round++) {
            plain = Math.max(plain, mibPerSecond(voxels, worker.run("plain-get", mediaUrl,
                    out.resolve("plain.mha").toString())));
            DataFiles.clear(out);
            settle();
            double[] our = worker.run("ours-download", jobPk, out.toString());
            peak = Math.max(peak, (long) our[1]);
            ours = Math.max(ours, mibPerSecond(voxels, our));
            DataFiles.clear(out);
            settle();
            if (options.curl) {
                curl = Math.max(curl, mibPerSecond(voxels, worker.run("curl-get", mediaUrl,
                        out.resolve("curl.mha").toString())));
                DataFiles.clear(out);
                settle();
            }
        }
        String what = "download " + label(voxels) + " output image";
        figures.add(new Figure(what + " vs plain GET", "MiB/s", "one streaming GET + fsync", plain, ours, true, ">= 0.9x",
                ours >= 0.9 * plain));
        if (options.curl) {
            figures.add(new Figure(what + " vs curl", "MiB/s", "curl (redirect by hand) + sync", curl, ours, true, "", null));
        }
        return peak;
    }

    /** The image file's {@code /media/} path, as the API's image view renders it. */
    private static String mediaPath(GrandChallengeEmulator gc, String imagePk) {
        var image = gc.state().image(imagePk).orElseThrow();
        return MediaPaths.imageFile(image, image.files().get(0));
    }

    private static void clearUploads(Path storage) {
        DataFiles.deleteRecursively(storage.resolve("uploads"));
        DataFiles.deleteRecursively(storage.resolve("parts"));
        settle();
    }

    /**
     * Flushes dirty pages (untimed) so that each measurement starts with the same disk state: without it, the
     * writeback of the previous measurement's (or the generated file's) gigabytes throttles the next one.
     */
    static void settle() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync command: measurements are just noisier
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double mibPerSecond(long bytes, double[] result) {
        return bytes / (double) MIB / result[0];
    }

    static String label(long bytes) {
        return bytes >= (1L << 30) && bytes % (1L << 30) == 0 ? bytes / (1L << 30) + " GiB" : bytes / MIB + " MiB";
    }
}
