package io.github.camelgc.grandchallenge.it;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.LogCapture;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.producer.OutOfCredits;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Running out of credits: the refusal is its own exception (retryable later, with the algorithm and since when),
 * further submissions fail before uploading without a request, a due check costs no job and no upload, the producer's
 * health check says so, and submissions go ahead once credits are back.
 */
class OutOfCreditsIT extends EmulatorTestSupport {

    private static final File SCAN = SubmitAndOutputsIT.testImage("image10x10x10.mha");

    private HealthCheckRepository producers;
    private LogCapture log;

    @TempDir
    Path state;

    @BeforeEach
    void outOfCredits() {
        log = LogCapture.of(Level.INFO, OutOfCredits.class.getName());
        producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        GC.setCredits("demo", 0);
    }

    @AfterEach
    void creditsBack() {
        log.close();
        GC.setCredits("demo", 1_000_000);
    }

    private void route(String recheck) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:submit").routeId("credits")
                        .to("grandchallenge:job?algorithm=" + platform.algorithm() + "&creditsRecheckInterval="
                            + recheck + "&stateDirectory=" + state.toUri().getPath());
            }
        });
    }

    private GrandChallengeOutOfCreditsException refused() {
        CamelExecutionException failure = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody("direct:submit", SCAN));
        assertThat(failure).as("the submission was refused").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(GrandChallengeOutOfCreditsException.class);
        return (GrandChallengeOutOfCreditsException) failure.getCause();
    }

    private HealthCheck.Result health() {
        return producers.getCheck("grandchallenge:credits").orElseThrow().callReadiness();
    }

    private long jobsOnThePlatform() {
        return GC.state().jobs().size();
    }

    private static boolean jobPost(RequestLog.Entry e) {
        return "POST".equals(e.method()) && e.path().endsWith("/algorithms/jobs/");
    }

    @Test
    void theRefusalIsRetryableLaterAndFurtherSubmissionsFailBeforeUploadingWithoutARequest() throws Exception {
        route("1h");
        long jobsBefore = jobsOnThePlatform();
        Instant before = Instant.now();
        platform.clearRequests();

        GrandChallengeOutOfCreditsException first = refused();
        assertThat(first.isRetryable()).as("retryable, later").isTrue();
        assertThat(first.getStatusCode()).isEqualTo(400);
        assertThat(first.getServerMessages()).containsExactly("You have run out of algorithm credits");
        assertThat(first.getAlgorithm()).isEqualTo(platform.algorithm());
        assertThat(first.getSince()).isBetween(before, Instant.now());
        assertThat(first.getNextCheck()).isEqualTo(first.getSince().plus(Duration.ofHours(1)));
        assertThat(first.getMessage()).contains("out of credits", platform.algorithm(), "refused the job");
        // this one could not be known in advance: its upload happened, the post was refused
        platform.assertCount("POST", "/uploads/", 1);
        assertThat(GC.requestLog().count(e -> jobPost(e) && e.status() == 400)).isEqualTo(1);

        platform.clearRequests();
        for (int i = 0; i < 3; i++) {
            GrandChallengeOutOfCreditsException next = refused();
            assertThat(next.isRetryable()).isTrue();
            assertThat(next.getSince()).isEqualTo(first.getSince());
            assertThat(next.getNextCheck()).isEqualTo(first.getNextCheck());
            assertThat(next.getMessage()).contains("nothing uploaded");
        }
        HealthCheck.Result health = health();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage().orElse("")).contains("out of credits for algorithm '" + platform.algorithm())
                .contains("rolling month", "editors", "resume by themselves").doesNotContain(platform.token());
        assertThat(health.getDetails()).containsEntry("credits.algorithm", platform.algorithm())
                .containsEntry("credits.outSince", first.getSince().toString())
                .containsEntry("credits.nextCheck", first.getNextCheck().toString());
        // the health check's two probes are logged after they were answered; the fast failures before sent nothing
        await().atMost(Duration.ofSeconds(5)).until(() -> GC.requestLog().entries().size() >= 2);
        assertThat(GC.requestLog().entries()).extracting(e -> e.method() + " " + e.path())
                .as("three submissions: no upload, no post, no request at all")
                .containsExactly("GET /api/v1/gcapi/", "GET /api/v1/profiles/users/self/");
        assertThat(jobsOnThePlatform()).isEqualTo(jobsBefore);
        assertThat(log.text().lines()).as("said once").singleElement().asString()
                .contains("WARN", "out of credits for algorithm '" + platform.algorithm() + "'", "rolling month");
    }

    @Test
    void aDueCheckCostsNoJobAndNoUploadAndSubmissionsResumeOnceCreditsAreBack() throws Exception {
        route("300ms");
        List<String> changes = new CopyOnWriteArrayList<>();
        OutOfCredits register = context.getComponent("grandchallenge", GrandChallengeComponent.class).outOfCredits();
        register.addListener(new OutOfCredits.Listener() {
            @Override
            public void outOfCredits(OutOfCredits.Status status) {
                changes.add("out " + status.algorithm());
            }

            @Override
            public void creditsAvailable(OutOfCredits.Status was) {
                changes.add("available " + was.algorithm());
            }
        });
        long jobsBefore = jobsOnThePlatform();
        GrandChallengeOutOfCreditsException first = refused();

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(first.getNextCheck()));
        platform.clearRequests();
        GrandChallengeOutOfCreditsException stillOut = refused();
        assertThat(stillOut.getSince()).isEqualTo(first.getSince());
        assertThat(stillOut.getNextCheck()).isAfter(first.getNextCheck());
        platform.assertCount("POST", "/algorithms/jobs/", 1);
        assertThat(platform.count("POST", "/uploads/")).as("the check uploads nothing").isZero();
        assertThat(jobsOnThePlatform()).as("the check creates no job").isEqualTo(jobsBefore);
        assertThat(GC.remainingJobs("demo", platform.algorithm())).isZero();

        GC.setCredits("demo", 1000);
        assertThat(health().getState()).as("nothing has checked yet").isEqualTo(HealthCheck.State.DOWN);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(stillOut.getNextCheck()));
        platform.clearRequests();
        Job job = template.requestBody("direct:submit", SCAN, Job.class);
        assertThat(job.pk()).isNotBlank();
        // the check (refused for its empty inputs, after the credits check), then the upload and the real post
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(GC.requestLog().entries().stream()
                .filter(OutOfCreditsIT::jobPost).map(RequestLog.Entry::status)).containsExactly(400, 201));
        platform.assertCount("POST", "/uploads/", 1);
        assertThat(jobsOnThePlatform()).isEqualTo(jobsBefore + 1);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(changes).containsExactly("out " + platform.algorithm(), "available " + platform.algorithm());
        assertThat(log.text().lines()).as("each change said once").hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("WARN", "out of credits"))
                .anySatisfy(line -> assertThat(line).contains("INFO", "available again"));
    }

    /** What the check relies on, asked directly: a post without inputs never creates a job, with or without credits. */
    @Test
    void aJobWithoutInputsIsRefusedForCreditsWhenOutAndForItsInputsOtherwise() throws Exception {
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:job?algorithm=" + platform.algorithm(),
                GrandChallengeEndpoint.class);
        GrandChallengeClient client = endpoint.client();
        Algorithm algorithm = client.algorithm(platform.algorithm());
        long jobsBefore = jobsOnThePlatform();

        GrandChallengeApiException out = catchThrowableOfType(GrandChallengeApiException.class,
                () -> client.createJob(algorithm.apiUrl(), Json.mapper().createArrayNode()));
        assertThat(out.getStatusCode()).isEqualTo(400);
        assertThat(out.getServerMessages()).containsExactly("You have run out of algorithm credits");

        GC.setCredits("demo", 1000);
        GrandChallengeApiException available = catchThrowableOfType(GrandChallengeApiException.class,
                () -> client.createJob(algorithm.apiUrl(), Json.mapper().createArrayNode()));
        assertThat(available.getStatusCode()).isEqualTo(400);
        assertThat(available.getServerMessages()).singleElement().asString()
                .startsWith("The set of inputs provided does not match any of the algorithm's interfaces.");
        assertThat(jobsOnThePlatform()).isEqualTo(jobsBefore);
    }
}
