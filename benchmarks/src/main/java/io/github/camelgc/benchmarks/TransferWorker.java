package io.github.camelgc.benchmarks;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.UserUpload;
import io.github.camelgc.grandchallenge.outputs.OutputFolderWriter;
import io.github.camelgc.grandchallenge.outputs.OutputItems;
import io.github.camelgc.grandchallenge.outputs.OutputNaming;

/**
 * The client side of the transfer figures, in its own JVM (started with {@code -Xmx128m}) so that its peak heap is
 * the client's alone. Reads one command per line from stdin, answers {@code RESULT <seconds> <peak heap bytes>} or
 * {@code ERROR <message>} on stdout. The token comes from the environment, never from the command line.
 */
public final class TransferWorker {

    static final int BUFFER = 1 << 20;

    private final URI base;
    private final Path pem;
    private final String token;
    private final SSLContext ssl;
    private final KeyStore trustStore;

    private TransferWorker(URI base, Path pem, String token) throws Exception {
        this.base = base;
        this.pem = pem;
        this.token = token;
        this.ssl = Tls.trusting(pem);
        this.trustStore = Tls.trustStore(pem);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", "classpath:log4j2-benchmarks.xml");
        TransferWorker worker = new TransferWorker(URI.create(args[0]), Path.of(args[1]),
                System.getenv(ApiToken.ENVIRONMENT_VARIABLE));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY " + Heap.maxBytes());
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.split("\t");
            try {
                Heap.resetPeak();
                long started = System.nanoTime();
                worker.run(command);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.println("RESULT " + seconds + " " + Heap.peakBytes());
            } catch (Throwable e) {
                System.out.println("ERROR " + e.toString().replace('\n', ' '));
            }
            System.out.flush();
        }
    }

    private void run(String[] c) throws Exception {
        switch (c[0]) {
            case "ours-upload" -> {
                try (GrandChallengeClient client = client(Long.parseLong(c[2]), Integer.parseInt(c[3]))) {
                    client.upload(Path.of(c[1]), Path.of(c[1]).getFileName().toString());
                }
            }
            case "plain-put" -> plainPut(Path.of(c[1]));
            case "curl-put" -> curlPut(Path.of(c[1]));
            case "ours-download" -> {
                try (GrandChallengeClient client = client(ClientSettings.MIN_PART_SIZE, 1)) {
                    Job job = client.job(c[1]);
                    new OutputFolderWriter(Path.of(c[2]), OutputNaming.of("{job}/{socket}{ext}"))
                            .write(OutputItems.ofJob(client, job, "MHD"), new OutputNaming.Values(job.pk(), null, null));
                }
            }
            case "plain-get" -> plainGet(c[1], Path.of(c[2]));
            case "curl-get" -> curlGet(c[1], Path.of(c[2]));
            default -> throw new IllegalArgumentException("Unknown command " + c[0]);
        }
    }

    /** The component's client with its production defaults except part size and concurrency. */
    private GrandChallengeClient client(long partSize, int concurrency) {
        return new GrandChallengeClient(ClientSettings.builder(base).token(ApiToken.of(token)).trustStore(trustStore)
                .uploadPartSize(partSize).uploadConcurrency(concurrency).build());
    }

    /** A presigned URL for part 1 of a fresh upload: the storage target of the plain PUT baselines. */
    private String presignedSinglePart(String name) {
        try (GrandChallengeClient client = client(ClientSettings.MIN_PART_SIZE, 1)) {
            var type = TypeFactory.defaultInstance().constructType(UserUpload.class);
            ObjectNode create = Json.mapper().createObjectNode().put("filename", name);
            UserUpload upload = client.transport().sendJson("POST", base.resolve("uploads/"), create, type, false);
            ObjectNode parts = Json.mapper().createObjectNode();
            parts.putArray("part_numbers").add(1);
            UserUpload presigned = client.transport().sendJson("PATCH", base.resolve("uploads/" + upload.pk() + "/"
                    + upload.s3UploadId() + "/generate-presigned-urls/"), parts, type, true);
            return presigned.presignedUrls().get("1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One streaming PUT of the whole file (fixed length, 1 MiB writes): the physical limit of the storage. */
    private void plainPut(Path file) throws IOException {
        String url = presignedSinglePart(file.getFileName().toString());
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        connection.setSSLSocketFactory(ssl.getSocketFactory());
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(Files.size(file));
        try (InputStream in = Files.newInputStream(file); OutputStream out = connection.getOutputStream()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
        int code = connection.getResponseCode();
        if (code != 200 || connection.getHeaderField("ETag") == null) {
            throw new IOException("plain PUT answered " + code);
        }
        connection.getInputStream().close();
    }

    private void curlPut(Path file) throws Exception {
        String url = presignedSinglePart(file.getFileName().toString());
        curl(List.of("--upload-file", file.toString(), "-H", "Expect:", "-o", "/dev/null", url));
    }

    /** A media URL: GET with the token, take the storage redirect by hand, stream the body to a file. */
    private void plainGet(String mediaUrl, Path target) throws IOException {
        HttpsURLConnection media = (HttpsURLConnection) URI.create(mediaUrl).toURL().openConnection();
        media.setSSLSocketFactory(ssl.getSocketFactory());
        media.setInstanceFollowRedirects(false);
        media.setRequestProperty("Authorization", "Bearer " + token);
        int code = media.getResponseCode();
        String location = media.getHeaderField("Location");
        media.getInputStream().close();
        if (code != 302 || location == null) {
            throw new IOException("media GET answered " + code);
        }
        HttpsURLConnection storage = (HttpsURLConnection) URI.create(mediaUrl).resolve(location).toURL()
                .openConnection();
        storage.setSSLSocketFactory(ssl.getSocketFactory());
        try (InputStream in = storage.getInputStream(); FileOutputStream out = new FileOutputStream(target.toFile())) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            // the same durability as ours: the component forces each result to disk before renaming it into place
            out.getFD().sync();
        }
    }

    private void curlGet(String mediaUrl, Path target) throws Exception {
        Path header = Files.createTempFile("curl-auth-", ".txt");
        try {
            Files.writeString(header, "Authorization: Bearer " + token + "\n");
            // the redirect by hand, as any correct client: "curl -L" would send the token to storage too, which
            // refuses a request with two credentials (as S3 does)
            String location = curl(List.of("-H", "@" + header, "-o", "/dev/null", "-w", "%{redirect_url}", mediaUrl));
            if (location.isBlank()) {
                throw new IOException("media GET did not redirect");
            }
            curl(List.of("-o", target.toString(), location.trim()));
            // forced to disk as ours and the plain GET are (coreutils' sync of one file: fsync)
            Process sync = new ProcessBuilder("sync", target.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (sync.waitFor() != 0) {
                throw new IOException("sync " + target + " failed");
            }
        } finally {
            Files.deleteIfExists(header);
        }
    }

    /** Runs curl; its output (with {@code -o}, what {@code -w} writes). */
    private String curl(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "--cacert", pem.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("curl failed: " + output.trim());
        }
        return output;
    }

    /** For the parent: the first image file URL of a job's first output. */
    static String firstOutputMediaUrl(GrandChallengeClient client, String jobPk) {
        Job job = client.job(jobPk);
        Image image = client.image(job.outputs().get(0).image());
        return image.files().get(0).file();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
