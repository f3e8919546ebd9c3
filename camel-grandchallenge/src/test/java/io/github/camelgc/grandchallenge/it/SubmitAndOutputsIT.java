package io.github.camelgc.grandchallenge.it;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeJobFailedException;
import io.github.camelgc.grandchallenge.GrandChallengeTimeoutException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tutorial's flows 1-4 against the emulator: inspect, submit, wait, download, over real HTTPS. */
class SubmitAndOutputsIT extends EmulatorTestSupport {

    @TempDir
    Path out;

    private String multi(String options) {
        return "grandchallenge:job?waitPollInterval=100&algorithm=" + platform.multiAlgorithm() + options;
    }

    private Job finishedMultiJob() {
        return template.requestBody(multi("&waitForCompletion=true"), platform.multiInputs(), Job.class);
    }

    @Test
    void inspectsTheAlgorithmsInterfaces() {
        Algorithm algorithm = template.requestBody("grandchallenge:algorithm?algorithm=" + platform.multiAlgorithm(),
                null, Algorithm.class);
        assertThat(algorithm.slug()).isEqualTo(platform.multiAlgorithm());
        assertThat(algorithm.effectiveInterfaces()).hasSize(2);
        assertThat(algorithm.allInputSockets()).containsOnlyKeys("patient-height", "clinical-information");
    }

    @Test
    void submitsWaitsAndDownloadsEveryOutputAsStreams() throws Exception {
        Exchange reply = template.request(multi("&waitForCompletion=true"),
                e -> e.getMessage().setBody(platform.multiInputs()));
        assertThat(reply.getException()).isNull();
        Job job = reply.getMessage().getBody(Job.class);
        assertThat(job.status()).isEqualTo("Succeeded");
        assertThat(reply.getMessage().getHeader(GrandChallengeConstants.JOB_ID)).isEqualTo(job.pk());
        assertThat(reply.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS)).isEqualTo("Succeeded");

        @SuppressWarnings("unchecked")
        List<Message> outputs = template.requestBody("grandchallenge:job?operation=downloadOutputs", job, List.class);
        assertThat(outputs).extracting(m -> m.getHeader(GrandChallengeConstants.SOCKET, String.class))
                .containsExactlyInAnyOrder("lung-volume", "results-json-file");
        assertThat(outputs).extracting(m -> m.getHeader(GrandChallengeConstants.SUPER_KIND, String.class))
                .containsExactlyInAnyOrder("Value", "File");
        for (Message output : outputs) {
            assertThat(output.getHeader(Exchange.FILE_NAME, String.class)).isNotBlank();
            try (InputStream in = output.getBody(InputStream.class)) {
                assertThat(in.readAllBytes()).isNotEmpty();
            }
        }
    }

    @Test
    void writesOutputsIntoAFolderAtomicallyWithThePattern() throws Exception {
        Job job = finishedMultiJob();
        @SuppressWarnings("unchecked")
        List<Path> written = template.requestBodyAndHeader("grandchallenge:job?operation=downloadOutputs"
                                                           + "&outputFileName=results/{job}-{socket}{ext}&outputDirectory="
                                                           + out, null, GrandChallengeConstants.JOB_ID, job.pk(),
                List.class);
        assertThat(written).containsExactlyInAnyOrder(
                out.resolve("results/" + job.pk() + "-lung-volume.json"),
                out.resolve("results/" + job.pk() + "-results-json-file.json"));
        for (Path file : written) {
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isPositive();
        }
        try (var files = Files.list(out.resolve("results"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void imageOutputsAreDownloadedAndNamedAfterTheInputImage() throws Exception {
        Image ct = anArchiveImage();
        Job job = template.requestBody("grandchallenge:job?waitForCompletion=true&waitPollInterval=100&algorithm="
                                       + platform.algorithm(), ct.apiUrl(), Job.class);
        assertThat(job.status()).isEqualTo("Succeeded");

        @SuppressWarnings("unchecked")
        List<Message> outputs = template.requestBody("grandchallenge:job?operation=downloadOutputs", job, List.class);
        assertThat(outputs).singleElement().satisfies(output -> {
            assertThat(output.getHeader(GrandChallengeConstants.SUPER_KIND)).isEqualTo("Image");
            assertThat(output.getHeader(GrandChallengeConstants.KIND)).isEqualTo("Segmentation");
            assertThat(output.getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mha");
            try (InputStream in = output.getBody(InputStream.class)) {
                assertThat(new String(in.readNBytes(18))).isEqualTo("ObjectType = Image");
            }
        });

        @SuppressWarnings("unchecked")
        List<Path> written = template.requestBody("grandchallenge:job?operation=downloadOutputs&outputDirectory=" + out
                                                  + "&outputFileName={input}-{socket}{ext}", job, List.class);
        String stem = ct.name().substring(0, ct.name().lastIndexOf('.'));
        assertThat(written).containsExactly(out.resolve(stem + "-pulmonary-lobes.mha"));
        assertThat(Files.size(written.get(0))).isPositive();
    }

    @Test
    void getListAndWaitOperations() {
        Job submitted = template.requestBody(multi(""), platform.multiInputs(), Job.class);
        assertThat(submitted.pk()).isNotBlank();

        Job fetched = template.requestBody("grandchallenge:job?operation=get", submitted.pk(), Job.class);
        assertThat(fetched.pk()).isEqualTo(submitted.pk());
        assertThat(fetched.apiUrl()).endsWith("/algorithms/jobs/" + submitted.pk() + "/");

        Job finished = template.requestBodyAndHeader("grandchallenge:job?operation=wait&waitPollInterval=100", null,
                GrandChallengeConstants.JOB_ID, submitted.pk(), Job.class);
        assertThat(finished.status()).isEqualTo("Succeeded");

        @SuppressWarnings("unchecked")
        List<Job> jobs = template.requestBody("grandchallenge:job?operation=list&algorithm=" + platform.multiAlgorithm(),
                null, List.class);
        assertThat(jobs).extracting(Job::pk).contains(submitted.pk());
    }

    @Test
    void listsTheJobsThatUsedAnImageAndNamesTheirInputs() {
        Image image = anArchiveImage();
        Job job = template.requestBody("grandchallenge:job?algorithm=" + platform.otherAlgorithm(), image.apiUrl(),
                Job.class);
        template.requestBody("grandchallenge:job?algorithm=" + platform.algorithm(), testImage("mask.mha"), Job.class);

        @SuppressWarnings("unchecked")
        List<Job> jobs = template.requestBodyAndHeader("grandchallenge:job?operation=list&algorithm="
                                                       + platform.otherAlgorithm(), null, GrandChallengeConstants.IMAGE_ID,
                image.apiUrl(), List.class);
        assertThat(jobs).extracting(Job::pk).containsExactly(job.pk());
        assertThat(jobs.get(0).inputs()).extracting(v -> v.image()).containsExactly(image.apiUrl());
    }

    @Test
    void failedJobsAndTimeoutsRaiseTypedExceptionsCarryingTheJob() {
        assertThatThrownBy(() -> template.requestBody("grandchallenge:job?algorithm=always-fails&waitForCompletion=true"
                                                      + "&waitPollInterval=100", Map.of("patient-height", 170)))
                .cause().isInstanceOf(GrandChallengeJobFailedException.class)
                .hasMessageContaining("ended with status Failed")
                .satisfies(e -> assertThat(((GrandChallengeJobFailedException) e).getJob().status()).isEqualTo("Failed"));
        assertThatThrownBy(() -> template.requestBody("grandchallenge:job?algorithm=never-finishes&waitForCompletion=true"
                                                      + "&waitPollInterval=100&waitTimeout=500",
                Map.of("patient-height", 170)))
                .cause().isInstanceOf(GrandChallengeTimeoutException.class)
                .hasMessageContaining("after waiting 500 ms");
    }

    @Test
    void getsAndDownloadsAnArchiveImageThroughTheStorageRedirect() throws Exception {
        Image listed = anArchiveImage();

        Image image = template.requestBody("grandchallenge:image", listed.apiUrl(), Image.class);
        assertThat(image.pk()).isEqualTo(listed.pk());

        @SuppressWarnings("unchecked")
        List<Message> files = template.requestBodyAndHeader("grandchallenge:image?operation=download", null,
                GrandChallengeConstants.IMAGE_ID, image.pk(), List.class);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mha");
        try (InputStream in = files.get(0).getBody(InputStream.class)) {
            assertThat(new String(in.readNBytes(18))).isEqualTo("ObjectType = Image");
        }
    }

    static File testImage(String name) {
        return new File("src/test/resources/images/" + name);
    }
}
