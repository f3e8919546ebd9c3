package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.analysis.Tiff;
import io.github.camelgc.metaimage.ops.Masks;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial flows of spec §16, as plain HTTP calls by a client that only knows the spec. */
class TutorialFlowsIT {

    static final int PART = 5 * 1024 * 1024;

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder()
            .jobStepDelay(Duration.ofMillis(20)).build();

    @TempDir
    static Path dir;

    static ChestPhantom phantom;
    static Path ct;

    @BeforeAll
    static void phantom() throws Exception {
        // 256 x 256 x 96 shorts = 12 MiB: three parts of at most 5 MiB.
        phantom = ChestPhantom.builder().size(256, 256, 96).spacing(1.2, 1.2, 3.0).seed(11).build();
        ct = dir.resolve("chest_ct.mha");
        MetaImage uncompressed = phantom.ct().withHeader(phantom.ct().header().toBuilder().compressed(false).build());
        MetaImageWriter.write(ct, uncompressed);
    }

    private static ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    private static JsonNode algorithm(String slug) {
        JsonNode page = demo().get("algorithms/?slug=" + slug).json();
        assertThat(page.get("count").asInt()).isEqualTo(1);
        return page.get("results").get(0);
    }

    private static JsonNode awaitFinished(String pk) {
        String url = "algorithms/jobs/" + pk + "/";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> List.of("Succeeded",
                "Failed", "Cancelled").contains(demo().get(url).json().get("status").asText()));
        return demo().get(url).json();
    }

    private static JsonNode output(JsonNode job, String slug) {
        for (JsonNode output : job.get("outputs")) {
            if (output.get("interface").get("slug").asText().equals(slug)) {
                return output;
            }
        }
        throw new AssertionError("no output " + slug + " in " + job);
    }

    /** Follows an image output to its file of {@code type}, through the 302, and saves it. */
    private static Path download(JsonNode imageUrl, String type, String name) throws Exception {
        JsonNode image = demo().get(imageUrl.asText()).json();
        for (JsonNode file : image.get("files")) {
            if (file.get("image_type").asText().equals(type)) {
                ApiClient.Answer redirect = demo().get(file.get("file").asText());
                assertThat(redirect.status()).isEqualTo(302);
                Path target = dir.resolve(name);
                Files.write(target, demo().getAnonymously(redirect.header("Location")).raw().body());
                return target;
            }
        }
        throw new AssertionError("no " + type + " file in " + image);
    }

    @Test
    void segmentLobesOfAnUploadedCtWithUserUploads() throws Exception {
        JsonNode algorithm = algorithm("pulmonary-lobe-segmentation");
        JsonNode input = algorithm.get("interfaces").get(0).get("inputs").get(0);
        assertThat(input.get("slug").asText()).isEqualTo("generic-medical-image");
        assertThat(input.get("super_kind").asText()).isEqualTo("Image");

        JsonNode upload = Uploader.upload(demo(), ct, PART);
        long parts = gc.requestLog().count(e -> e.method().equals("PUT") && e.path().contains(upload.get("pk").asText()));
        assertThat(Files.size(ct)).isGreaterThan(2L * PART);
        assertThat(parts).isEqualTo(3);
        ApiClient.Answer created = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm.get("api_url").asText(),
                "inputs", List.of(new HashMap<>(Map.of("interface", "generic-medical-image",
                        "user_uploads", List.of(upload.get("api_url").asText()))))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("inputs")).isEmpty();

        JsonNode job = awaitFinished(created.json().get("pk").asText());
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        JsonNode lobes = output(job, "pulmonary-lobes");
        assertThat(lobes.get("interface").get("kind").asText()).isEqualTo("Segmentation");
        JsonNode lobeImage = demo().get(lobes.get("image").asText()).json();
        assertThat(lobeImage.get("segments")).hasToString("[0,1,2,3,4,5]");
        MetaImage labels = MetaImageReader.read(download(lobes.get("image"), "MHD", "lobes.mha"));
        assertThat(labels.data()).isEqualTo(phantom.lobeLabels().data());

        assertThat(demo().get(upload.get("api_url").asText()).status()).as("imported uploads are deleted").isEqualTo(404);
        JsonNode inputImage = demo().get(job.get("inputs").get(0).get("image").asText()).json();
        assertThat(inputImage.get("name").asText()).isEqualTo("chest_ct.mha");
        assertThat(inputImage.get("shape")).hasToString("[96,256,256]");
    }

    @Test
    void covidVariantAddsATiffScreenshotAndRunsFromALegacyUploadSession() throws Exception {
        JsonNode upload = Uploader.upload(demo(), ct, PART);
        JsonNode session = demo().post("cases/upload-sessions/", Map.of("uploads", List.of(upload.get("api_url").asText())))
                .json();
        assertThat(session.get("status").asText()).isEqualTo("Queued");
        ApiClient.Answer created = demo().post("algorithms/jobs/", Map.of(
                "algorithm", algorithm("pulmonary-lobe-segmentation-for-covid-19-ct-scans").get("api_url").asText(),
                "inputs", List.of(Map.of("interface", "ct-image", "upload_session", session.get("api_url").asText()))));
        assertThat(created.status()).isEqualTo(201);
        JsonNode job = awaitFinished(created.json().get("pk").asText());
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        assertThat(demo().get(session.get("api_url").asText()).json().get("status").asText()).isEqualTo("Succeeded");

        JsonNode screenshot = output(job, "pulmonary-lobes-screenshot");
        JsonNode image = demo().get(screenshot.get("image").asText()).json();
        assertThat(image.get("files").get(0).get("image_type").asText()).isEqualTo("TIFF");
        assertThat(image.get("depth").asInt()).isEqualTo(1);
        Tiff.TiffInfo tiff = Tiff.readHeader(download(screenshot.get("image"), "TIFF", "screenshot.tif"));
        assertThat(tiff.width()).isEqualTo(256);
        assertThat(tiff.samplesPerPixel()).isEqualTo(3);
        assertThat(MetaImageReader.read(download(output(job, "pulmonary-lobes").get("image"), "MHD", "covid-lobes.mha"))
                .data()).isEqualTo(phantom.lobeLabels().data());
    }

    @Test
    void fourInputRegistrationAlignsMaskCentroids() throws Exception {
        ChestPhantom fixed = ChestPhantom.builder().size(48, 48, 32).spacing(6, 6, 8).seed(3).build();
        ChestPhantom moving = ChestPhantom.builder().size(48, 48, 32).spacing(6, 6, 8).seed(4).build();
        Map<String, Path> files = new HashMap<>();
        files.put("fixed-image", write("fixed.mha", fixed.ct()));
        files.put("moving-image", write("moving.mha", moving.ct()));
        files.put("fixed-mask", write("fixed-mask.mha", Masks.binarize(fixed.lobeLabels())));
        files.put("moving-mask", write("moving-mask.mha", Masks.binarize(moving.lobeLabels())));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            JsonNode upload = Uploader.upload(demo(), e.getValue(), PART);
            inputs.add(Map.of("interface", e.getKey(), "user_uploads", List.of(upload.get("api_url").asText())));
        }
        String algorithm = algorithm("deep-learning-based-ct-lung-registration").get("api_url").asText();
        ApiClient.Answer three = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm, "inputs", inputs.subList(0, 3)));
        assertThat(three.status()).isEqualTo(400);
        assertThat(three.json().get("non_field_errors").get(0).asText()).startsWith(
                "The set of inputs provided does not match any of the algorithm's interfaces.");

        ApiClient.Answer created = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm, "inputs", inputs));
        JsonNode job = awaitFinished(created.json().get("pk").asText());
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        JsonNode field = demo().get(output(job, "displacement-field").get("image").asText()).json();
        assertThat(field.get("shape")).hasSize(4);
        assertThat(output(job, "displacement-field").get("interface").get("kind").asText()).isEqualTo("Displacement field");
        MetaImage registered = MetaImageReader.read(download(output(job, "registered-moving-image").get("image"), "MHD",
                "registered.mha"));
        assertThat(registered.header().dimSize()).containsExactly(48, 48, 32);
    }

    private static Path write(String name, MetaImage image) throws Exception {
        Path file = dir.resolve(name);
        MetaImageWriter.write(file, image);
        return file;
    }

    @Test
    void archiveImagesPaginatedWithNextThenJobsFoundByAlgorithmAndInputImage() {
        String archive = demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("pk").asText();
        List<String> images = new ArrayList<>();
        String next = gc.baseUrl() + "cases/images/?archive=" + archive + "&limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = demo().get(next).json();
            page.get("results").forEach(i -> images.add(i.get("api_url").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertThat(images).hasSize(3);
        assertThat(pages).isEqualTo(2);

        JsonNode algorithm = algorithm("pulmonary-lobe-segmentation");
        List<String> jobs = new ArrayList<>();
        for (String image : images) {
            ApiClient.Answer created = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm.get("api_url").asText(),
                    "inputs", List.of(Map.of("interface", "generic-medical-image", "image", image))));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("inputs").get(0).get("image").asText()).isEqualTo(image);
            jobs.add(created.json().get("pk").asText());
        }
        ApiClient.Answer again = demo().post("algorithms/jobs/", Map.of("algorithm", algorithm.get("api_url").asText(),
                "inputs", List.of(Map.of("interface", "generic-medical-image", "image", images.get(1)))));
        assertThat(again.json().get("non_field_errors").get(0).asText())
                .isEqualTo("A result for these inputs with the current image and model already exists.");

        jobs.forEach(pk -> assertThat(awaitFinished(pk).get("status").asText()).isEqualTo("Succeeded"));
        String imagePk = demo().get(images.get(1)).json().get("pk").asText();
        JsonNode found = demo().get("algorithms/jobs/?algorithm_image__algorithm=" + algorithm.get("pk").asText()
                + "&input_image=" + imagePk).json();
        assertThat(found.get("count").asInt()).isEqualTo(1);
        assertThat(found.get("results").get(0).get("pk").asText()).isEqualTo(jobs.get(1));
        JsonNode outputs = demo().get("cases/images/?job_output=" + jobs.get(1)).json();
        assertThat(outputs.get("count").asInt()).isEqualTo(1);
        assertThat(outputs.get("results").get(0).get("segments")).hasToString("[0,1,2,3,4,5]");
    }
}
