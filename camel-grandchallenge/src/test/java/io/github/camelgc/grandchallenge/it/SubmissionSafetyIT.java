package io.github.camelgc.grandchallenge.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submission safety lives in the component: a submission is marked before it is posted, and a later attempt with the
 * same key (the same file seen again after a crash, or a route retry) adopts the job instead of posting a second one.
 */
class SubmissionSafetyIT extends EmulatorTestSupport {

    @TempDir
    Path folder;

    private final MemoryStateRepository marks = new MemoryStateRepository();
    private final AtomicBoolean failAfterSubmitting = new AtomicBoolean();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                context.getRegistry().bind("marks", marks);
                // the failures below are expected: no stack traces in the build log
                errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
                from("direct:drop").routeId("drop")
                        .to("grandchallenge:job?algorithm=" + platform.algorithm() + "&submissionRepository=#marks")
                        .process(e -> {
                            if (failAfterSubmitting.getAndSet(false)) {
                                // the job exists, but the route does not get to finish (a crash, a full disk)
                                throw new IllegalStateException("the service died before it recorded the job");
                            }
                        });
            }
        };
    }

    private Path scan(String name) throws Exception {
        Path file = folder.resolve(name);
        Files.copy(SubmitAndOutputsIT.testImage("image10x10x10.mha").toPath(), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        return file;
    }

    private Exchange drop(Path file) {
        return template.request("direct:drop", e -> e.getMessage().setBody(file.toFile()));
    }

    @Test
    void theSameFileSeenAgainAfterAnUnfinishedAttemptAdoptsItsJob() throws Exception {
        Path file = scan("case01.mha");
        platform.clearRequests();
        int jobsBefore = GC.state().jobs().size();

        failAfterSubmitting.set(true);
        Exchange first = drop(file);
        assertThat(first.getException()).hasMessageContaining("died before it recorded the job");
        String jobId = first.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);

        Exchange second = drop(file);
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(GrandChallengeConstants.JOB_ID)).isEqualTo(jobId);
        assertThat(second.getMessage().getHeader(GrandChallengeConstants.JOB_EXISTING)).isEqualTo(true);
        assertThat(GC.state().jobs()).as("one job, not two").hasSize(jobsBefore + 1);
        platform.assertCount("POST", "/api/v1/algorithms/jobs/", 1);
        platform.assertPartPuts(1);
    }

    @Test
    void aSubmissionCostsOneJobCountAndTheAlgorithmIsLookedUpOncePerEndpoint() throws Exception {
        drop(scan("warm-up.mha"));
        platform.clearRequests();
        for (String name : List.of("a.mha", "b.mha", "c.mha")) {
            assertThat(drop(scan(name)).getException()).isNull();
        }
        platform.assertCount("POST", "/api/v1/algorithms/jobs/", 3);
        assertThat(platform.count("GET", "/api/v1/algorithms/jobs/")).as("one job count per submission").isEqualTo(3);
        assertThat(platform.count("GET", "/api/v1/algorithms/")).as("the algorithm is cached")
                .isEqualTo(platform.count("GET", "/api/v1/algorithms/jobs/"));
    }

    @Test
    void aDifferentFileUnderAReusedNameIsANewSubmission() throws Exception {
        Path file = scan("reused.mha");
        failAfterSubmitting.set(true);
        String firstJob = drop(file).getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);

        // another scan under the same name: other content, other size and time
        Files.delete(file);
        Files.copy(SubmitAndOutputsIT.testImage("mask.mha").toPath(), file);
        Exchange second = drop(file);
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(GrandChallengeConstants.JOB_ID)).isNotEqualTo(firstJob);
        assertThat(second.getMessage().getHeader(GrandChallengeConstants.JOB_EXISTING)).isEqualTo(false);
    }

    @Test
    void theMarkIsClearedOnceTheExchangeCompleted() throws Exception {
        Path file = scan("done.mha");
        Exchange first = drop(file);
        assertThat(first.getException()).isNull();
        Exchange again = drop(file);
        assertThat(again.getMessage().getHeader(GrandChallengeConstants.JOB_ID))
                .as("a completed submission leaves nothing to adopt: dropping the file again runs it again")
                .isNotEqualTo(first.getMessage().getHeader(GrandChallengeConstants.JOB_ID));
    }
}
