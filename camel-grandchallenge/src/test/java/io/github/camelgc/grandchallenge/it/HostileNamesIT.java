package io.github.camelgc.grandchallenge.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile platform: an emulator whose fixture declares an output socket with a path-traversal slug and file path,
 * and whose images are named like {@code ../../escaped-input.mha} or an absolute path. Whatever the naming pattern,
 * downloaded outputs land inside the output folder and nothing is written next to or above it.
 */
class HostileNamesIT extends CamelTestSupport {

    private static final String HOSTILE_SOCKET = "../../escaped-socket";

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder()
            .fixture(hostileFixture()).build();

    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("grandchallenge", EmulatorTestSupport.componentFor(GC));
        return camel;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{input}/{socket}/{name}", "{name}", "{socket}{ext}", "{job}/{input}_{socket}{ext}",
        "../{name}"})
    void serverNamesNeverWriteOutsideTheOutputFolder(String pattern) throws Exception {
        String job = hostileJob();
        Path out = Files.createDirectories(dir.resolve("sandbox/out"));

        Object reply;
        try {
            reply = template.requestBodyAndHeader("grandchallenge:job?operation=downloadOutputs&outputDirectory="
                                                  + out + "&outputFileName=" + pattern, null,
                    GrandChallengeConstants.JOB_ID, job);
        } catch (Exception refused) {
            // refusing a pattern that would leave the folder is fine too; writing outside it is not
            reply = List.of();
        }

        assertThat(filesUnder(dir)).as("every file written is inside the output folder")
                .allMatch(p -> p.startsWith(out));
        if (!pattern.startsWith("..")) {
            @SuppressWarnings("unchecked")
            List<Path> written = (List<Path>) reply;
            assertThat(written).as("both outputs written").hasSize(2)
                    .allMatch(p -> p.normalize().startsWith(out) && Files.isRegularFile(p));
        }
    }

    @Test
    void theHostileNamesReallyReachTheClient() throws Exception {
        Job job = template.requestBodyAndHeader("grandchallenge:job?operation=get", null,
                GrandChallengeConstants.JOB_ID, hostileJob(), Job.class);
        Image input = template.requestBody("grandchallenge:image", job.inputs().get(0).image(), Image.class);
        assertThat(input.name()).isEqualTo("../../../escaped-input.mha");
        assertThat(job.outputs()).extracting(io.github.camelgc.grandchallenge.model.SocketValue::slug).contains(HOSTILE_SOCKET);
    }

    /** A finished job of the hostile algorithm: hostile input name, hostile output slug and output image names. */
    private String hostileJob() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        String input = GC.emulator().seedImage(TestImages.writeMha(images.resolve("a.mha"), 1), "../../../escaped-input.mha");
        String first = GC.emulator().seedImage(TestImages.writeMha(images.resolve("b.mha"), 1), "../../escaped-output.mha");
        String second = GC.emulator().seedImage(TestImages.writeMha(images.resolve("c.mha"), 1), "/escaped-absolute.mha");
        return GC.emulator().seedJobs("demo", "hostile-names", JobStatus.SUCCEEDED, 1,
                Map.of("generic-medical-image", input), Map.of(HOSTILE_SOCKET, first, "pulmonary-lobes", second)).get(0);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("images"))).toList();
        }
    }

    /** The default fixture plus an output socket and an algorithm whose names try to leave any folder. */
    private static Path hostileFixture() {
        try (InputStream in = GrandChallengeEmulatorExtension.class
                .getResourceAsStream("/io/github/camelgc/emulator/default-fixture.json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode fixture = (ObjectNode) json.readTree(in);
            ((ArrayNode) fixture.get("sockets")).addObject().put("slug", HOSTILE_SOCKET).put("title", "../Hostile")
                    .put("kind", "Segmentation").put("relative_path", "../../../escaped-relative-path");
            ObjectNode algorithm = ((ArrayNode) fixture.get("algorithms")).addObject().put("slug", "hostile-names")
                    .put("title", "Hostile Names").put("builtin", "lobe-segmentation");
            algorithm.putArray("users").add("demo");
            ObjectNode face = algorithm.putArray("interfaces").addObject();
            face.putArray("inputs").add("generic-medical-image");
            face.putArray("outputs").add(HOSTILE_SOCKET).add("pulmonary-lobes");
            // the extension starts before any @TempDir exists: the fixture goes into the module's build folder
            Path file = Files.createDirectories(Path.of("target", "test-fixtures")).resolve("hostile-fixture.json");
            json.writeValue(file.toFile(), fixture);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the hostile fixture", e);
        }
    }
}
