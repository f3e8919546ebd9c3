package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImagesAndArchivesTest {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    @TempDir
    Path dir;

    private static ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    private static MetaImage volume(int seed) {
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, 8, 6, 4).spacing(0.7, 0.75, 1.25)
                .build();
        MetaImage image = MetaImage.create(header);
        for (long i = 0; i < image.elementCount(); i++) {
            image.setLong(i, (i * 31 + seed) % 2000 - 1000);
        }
        return image;
    }

    private static String archivePk() {
        return demo().get("archives/?slug=coronacasesorg").json().get("results").get(0).get("pk").asText();
    }

    private static JsonNode awaitSession(String apiUrl) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !List.of("Queued", "Re-Queued")
                .contains(demo().get(apiUrl).json().get("status").asText()));
        return demo().get(apiUrl).json();
    }

    @Test
    void sessionIntoArchiveCreatesAnItemWhoseImageDownloadsThroughTheRedirect() throws Exception {
        Path mha = dir.resolve("case_a.mha");
        MetaImageWriter.write(mha, volume(1));
        JsonNode upload = Uploader.upload(demo(), mha, 1 << 20);
        ApiClient.Answer created = demo().post("cases/upload-sessions/", Map.of(
                "uploads", List.of(upload.get("api_url").asText()), "archive", "coronacasesorg"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("Queued");
        JsonNode session = awaitSession(created.json().get("api_url").asText());
        assertThat(session.get("status").asText()).isEqualTo("Succeeded");
        assertThat(session.get("error_message").asText()).isEmpty();
        assertThat(session.get("image_set")).hasSize(1);

        JsonNode image = demo().get(session.get("image_set").get(0).asText()).json();
        String pk = image.get("pk").asText();
        assertThat(image.get("name").asText()).isEqualTo("case_a.mha");
        assertThat(image.get("shape")).hasToString("[4,6,8]");
        assertThat(image.get("width").asInt()).isEqualTo(8);
        assertThat(image.get("depth").asInt()).isEqualTo(4);
        assertThat(image.get("voxel_height_mm").asDouble()).isEqualTo(0.75);
        assertThat(image.get("color_space").asText()).isEqualTo("GRAY");
        JsonNode file = image.get("files").get(0);
        assertThat(file.get("image_type").asText()).isEqualTo("MHD");
        assertThat(file.get("image").asText()).isEqualTo(pk);
        assertThat(file.get("file").asText()).isEqualTo("https://localhost:" + gc.emulator().httpsPort() + "/media/images/"
                + pk.substring(0, 2) + "/" + pk.substring(2, 4) + "/" + pk + "/" + file.get("pk").asText() + "/" + pk + ".mha");

        ApiClient.Answer redirect = demo().get(file.get("file").asText());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith("https://localhost:" + gc.emulator().httpsPort() + "/storage/");
        byte[] bytes = demo().getAnonymously(redirect.header("Location")).raw().body();
        assertThat(bytes).isEqualTo(Files.readAllBytes(mha));
        assertThat(demo().withAuthorization(null).get(file.get("file").asText()).status()).isEqualTo(403);
        assertThat(demo().withAuthorization("Bearer bad").get(file.get("file").asText()).status())
                .as("an invalid token is anonymous on /media/").isEqualTo(403);

        JsonNode inArchive = demo().get("cases/images/?archive=" + archivePk() + "&name=case_a.mha").json();
        assertThat(inArchive.get("count").asInt()).isEqualTo(1);
        assertThat(demo().get("cases/images/?origin=" + session.get("pk").asText()).json().get("count").asInt()).isEqualTo(1);
        ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
        assertThat(other.get("cases/images/" + pk + "/").json().get("detail").asText())
                .isEqualTo("No Image matches the given query.");
    }

    @Test
    void legacyQueuedSessionFillsAnArchiveItemFromMhdAndZraw() throws Exception {
        Path mhd = dir.resolve("pair.mhd");
        MetaImage original = volume(2);
        MetaImageWriter.write(mhd, original.withHeader(original.header().toBuilder().compressed(true).build()));
        Path zraw = dir.resolve("pair.zraw");
        assertThat(zraw).exists();
        JsonNode header = Uploader.upload(demo(), mhd, 1 << 20);
        JsonNode data = Uploader.upload(demo(), zraw, 1 << 20);
        JsonNode session = demo().post("cases/upload-sessions/", Map.of("uploads",
                List.of(header.get("api_url").asText(), data.get("api_url").asText()))).json();

        ApiClient.Answer item = demo().post("archives/items/", Map.of("archive", gc.baseUrl() + "archives/" + archivePk() + "/",
                "title", "legacy pair"));
        assertThat(item.status()).isEqualTo(201);
        String itemPk = item.json().get("pk").asText();
        ApiClient.Answer patched = demo().patch("archives/items/" + itemPk + "/", Map.of("values", List.of(
                Map.of("interface", "generic-medical-image", "upload_session", session.get("api_url").asText()))));
        assertThat(patched.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> demo().get("archives/items/" + itemPk + "/").json()
                .get("values").size() == 1);
        JsonNode value = demo().get("archives/items/" + itemPk + "/").json().get("values").get(0);
        assertThat(value.get("interface").get("slug").asText()).isEqualTo("generic-medical-image");
        JsonNode image = demo().get(value.get("image").asText()).json();
        assertThat(image.get("name").asText()).isEqualTo("pair.mhd");
        String location = demo().get(image.get("files").get(0).get("file").asText()).header("Location");
        Path downloaded = dir.resolve("downloaded.mha");
        Files.write(downloaded, demo().getAnonymously(location).raw().body());
        MetaImage back = MetaImageReader.read(downloaded);
        assertThat(back.header().dimSize()).containsExactly(8, 6, 4);
        assertThat(back.getLong(17)).isEqualTo(original.getLong(17));
        assertThat(demo().get(session.get("api_url").asText()).json().get("status").asText()).isEqualTo("Succeeded");
        ApiClient.Answer reused = demo().patch("archives/items/" + itemPk + "/", Map.of("values", List.of(
                Map.of("interface", "generic-medical-image", "upload_session", session.get("api_url").asText()))));
        assertThat(reused.status()).as("a session feeds one item or job only").isEqualTo(400);
        assertThat(reused.json().get("values").get(0).get("upload_session").get(0).asText())
                .isEqualTo("Invalid hyperlink - Object does not exist.");
    }

    @Test
    void archiveItemRulesAndShapes() {
        String archiveUrl = gc.baseUrl() + "archives/" + archivePk() + "/";
        JsonNode archive = demo().get(archiveUrl).json();
        assertThat(archive.fieldNames()).toIterable().containsExactly("pk", "title", "logo", "description", "api_url", "url");
        assertThat(archive.get("title").asText()).isEqualTo("coronacases.org");
        assertThat(demo().get(archiveUrl + "patients/").json().isArray()).isTrue();
        assertThat(demo().get(archiveUrl + "studies/").status()).as("studies need patient_id").isEqualTo(404);
        assertThat(demo().get(archiveUrl + "studies/?patient_id=p1").json().isArray()).isTrue();

        ApiClient.Answer withValues = demo().post("archives/items/", Map.of("archive", archiveUrl,
                "values", List.of(Map.of("interface", "patient-height", "value", 170))));
        assertThat(withValues.status()).isEqualTo(400);
        assertThat(withValues.json()).hasToString("[\"Values can only be added via update\"]");

        ApiClient other = new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("other"));
        assertThat(other.post("archives/items/", Map.of("archive", archiveUrl)).json().get("archive").get(0).asText())
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        String itemPk = demo().post("archives/items/", Map.of("archive", archiveUrl)).json().get("pk").asText();
        assertThat(other.patch("archives/items/" + itemPk + "/", Map.of("title", "x")).json().get("detail").asText())
                .isEqualTo("No ArchiveItem matches the given query.");
        JsonNode item = demo().get("archives/items/" + itemPk + "/").json();
        assertThat(item.fieldNames()).toIterable().containsExactly("pk", "title", "archive", "values", "hanging_protocol",
                "optional_hanging_protocols", "view_content");
        assertThat(item.get("archive").asText()).isEqualTo(archiveUrl);
    }

    @Test
    void tiffUploadsStayTiffWithDepthOne() throws Exception {
        Path tif = dir.resolve("slide.tif");
        byte[] rgb = new byte[5 * 4 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 11);
        }
        io.github.camelgc.metaimage.analysis.Tiff.writeRgb(tif, 5, 4, rgb);
        JsonNode upload = Uploader.upload(demo(), tif, 1 << 20);
        JsonNode created = demo().post("cases/upload-sessions/", Map.of("uploads", List.of(upload.get("api_url").asText()),
                "archive", "coronacasesorg")).json();
        JsonNode session = awaitSession(created.get("api_url").asText());
        assertThat(session.get("status").asText()).isEqualTo("Succeeded");
        JsonNode image = demo().get(session.get("image_set").get(0).asText()).json();
        assertThat(image.get("files").get(0).get("image_type").asText()).isEqualTo("TIFF");
        assertThat(image.get("files").get(0).get("file").asText()).endsWith("/" + image.get("pk").asText() + ".tif");
        assertThat(image.get("shape")).hasToString("[1,4,5,3]");
        assertThat(image.get("color_space").asText()).isEqualTo("RGB");
        String location = demo().get(image.get("files").get(0).get("file").asText()).header("Location");
        assertThat(demo().getAnonymously(location).raw().body()).isEqualTo(Files.readAllBytes(tif));
    }

    @Test
    void truncatedImageFailsTheSessionWithThePlatformMessage() throws Exception {
        Path truncated = dir.resolve("truncated.mha");
        MetaImageWriter.write(truncated, volume(3));
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 10));
        JsonNode upload = Uploader.upload(demo(), truncated, 1 << 20);
        JsonNode created = demo().post("cases/upload-sessions/", Map.of("uploads", List.of(upload.get("api_url").asText()),
                "archive", "coronacasesorg")).json();
        JsonNode session = awaitSession(created.get("api_url").asText());
        assertThat(session.get("status").asText()).isEqualTo("Failed");
        assertThat(session.get("error_message").asText()).isEqualTo("1 file could not be imported");
        assertThat(session.get("image_set")).isEmpty();
    }

    @Test
    void unreadableUploadCancelsTheJob() throws Exception {
        Path bogus = dir.resolve("bogus.mha");
        Files.writeString(bogus, "this is not a MetaImage");
        JsonNode upload = Uploader.upload(demo(), bogus, 1 << 20);
        JsonNode job = demo().post("algorithms/jobs/", Map.of("algorithm",
                JobsTest.algorithmUrl(demo(), "pulmonary-lobe-segmentation"), "inputs", List.of(Map.of(
                        "interface", "generic-medical-image", "user_uploads", List.of(upload.get("api_url").asText()))))).json();
        assertThat(job.get("inputs")).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> demo().get("algorithms/jobs/" + job.get("pk").asText() + "/")
                .json().get("status").asText().equals("Cancelled"));
    }
}
