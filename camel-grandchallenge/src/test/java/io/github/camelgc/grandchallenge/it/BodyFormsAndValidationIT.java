package io.github.camelgc.grandchallenge.it;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelgc.grandchallenge.it.SubmitAndOutputsIT.testImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every body form reaches the platform as the right socket-value source; bad input fails before any upload. */
class BodyFormsAndValidationIT extends EmulatorTestSupport {

    private String submit() {
        return "grandchallenge:job?algorithm=" + platform.algorithm();
    }

    @Test
    void pathAndByteArrayAndStreamBodiesAreUploaded() throws Exception {
        platform.clearRequests();
        Job fromPath = template.requestBody(submit(), testImage("image10x10x10.mha").toPath(), Job.class);
        byte[] bytes = Files.readAllBytes(testImage("image10x10x10.mha").toPath());
        Job fromBytes = template.requestBodyAndHeader(submit(), bytes, "CamelFileName", "from-bytes.mha", Job.class);
        Job fromStream = template.requestBodyAndHeader(submit(), new ByteArrayInputStream(bytes), "CamelFileName",
                "from-stream.mha", Job.class);

        assertThat(fromPath.pk()).isNotEqualTo(fromBytes.pk()).isNotEqualTo(fromStream.pk());
        platform.assertCount("POST", "/api/v1/uploads/", 3);
        platform.assertCount("POST", "/api/v1/algorithms/jobs/", 3);
        platform.awaitUploaded("image10x10x10.mha", "from-bytes.mha", "from-stream.mha");
    }

    @Test
    void anMhdIsUploadedTogetherWithItsZraw() {
        platform.clearRequests();
        Job job = template.requestBody(submit(), testImage("image10x10x10.mhd"), Job.class);
        assertThat(job.pk()).isNotBlank();
        platform.assertCount("POST", "/api/v1/uploads/", 2); // the header and its .zraw
        platform.awaitUploaded("image10x10x10.mhd");
    }

    @Test
    void genericFileFromAFileRouteIsSubmitted() throws Exception {
        java.nio.file.Path inbox = Files.createTempDirectory("inbox");
        Files.copy(testImage("image10x10x10.mha").toPath(), inbox.resolve("case_001.mha"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=100").to(submit()).to("mock:submitted");
            }
        });
        MockEndpoint submitted = getMockEndpoint("mock:submitted");
        submitted.expectedMessageCount(1);
        submitted.message(0).header(GrandChallengeConstants.JOB_ID).isNotNull();
        submitted.message(0).body().isInstanceOf(Job.class);
        MockEndpoint.assertIsSatisfied(context);
        platform.awaitUploaded("case_001.mha");
    }

    @Test
    void anExistingImageUrlIsReusedWithoutUploadAndADuplicateReturnsTheExistingJob() {
        String imageUrl = anArchiveImage().apiUrl();
        platform.clearRequests();

        Job first = template.requestBody("grandchallenge:job?algorithm=" + platform.otherAlgorithm(), imageUrl,
                Job.class);
        assertThat(first.pk()).isNotBlank();
        assertThat(platform.count("POST", "/api/v1/uploads/")).isZero();

        var again = template.request("grandchallenge:job?algorithm=" + platform.otherAlgorithm(),
                e -> e.getMessage().setBody(imageUrl));
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(Job.class).pk()).as("the platform's duplicate check").isEqualTo(first.pk());
        assertThat(again.getMessage().getHeader(GrandChallengeConstants.JOB_EXISTING)).isEqualTo(true);
    }

    @Test
    void aMapGivesSeveralInputsIncludingValues() {
        Map<String, Object> inputs = platform.multiInputs();
        Job job = template.requestBody("grandchallenge:job?waitForCompletion=true&waitPollInterval=100&algorithm="
                                       + platform.multiAlgorithm(), inputs, Job.class);
        assertThat(job.status()).isEqualTo("Succeeded");
        assertThat(job.inputs()).extracting(i -> i.slug()).containsExactlyInAnyOrderElementsOf(inputs.keySet());
    }

    @Test
    void unknownSocketFailsBeforeAnyUpload() {
        platform.clearRequests();
        assertThatThrownBy(() -> template.requestBody(submit(),
                Map.of("no-such-socket", testImage("image10x10x10.mha"))))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("Unknown input socket(s) 'no-such-socket'")
                .hasMessageContaining("This algorithm supports the following input combinations");
        assertThat(platform.count("POST", "/api/v1/uploads/")).isZero();
    }

    @Test
    void incompleteInterfaceFailsWithThePlatformsWordingBeforeAnyUpload() {
        platform.clearRequests();
        Map<String, Object> inputs = platform.multiInputs();
        String dropped = inputs.keySet().iterator().next();
        inputs.remove(dropped);
        assertThatThrownBy(() -> template.requestBody("grandchallenge:job?algorithm=" + platform.multiAlgorithm(),
                inputs))
                .cause().isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("does not match any of the algorithm's interfaces")
                .hasMessageContaining("Interface 1: ");
        assertThat(platform.count("POST", "/api/v1/uploads/")).isZero();
    }

    @Test
    void missingFileAndMissingFileNameAreExplained() {
        assertThatThrownBy(() -> template.requestBody(submit(), new java.io.File("no/such/scan.mha")))
                .cause().isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("scan.mha").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> template.requestBody(submit(), new byte[] { 1, 2, 3 }))
                .cause().isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("needs the CamelFileName header");
    }
}
