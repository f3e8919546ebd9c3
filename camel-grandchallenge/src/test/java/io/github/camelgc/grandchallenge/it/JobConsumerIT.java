package io.github.camelgc.grandchallenge.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelgc.grandchallenge.it.SubmitAndOutputsIT.testImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The job consumer: only new jobs by default, history with includeExisting, exactly once across restarts. */
class JobConsumerIT extends EmulatorTestSupport {

    @TempDir
    Path state;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, Object> inputNames = new ConcurrentHashMap<>();

    private void startConsumer(String routeId, String algorithm, String options) throws Exception {
        startConsumer(context, routeId, algorithm, options);
    }

    private void startConsumer(CamelContext camel, String routeId, String algorithm, String options) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("grandchallenge:job?algorithm=" + algorithm + "&delay=100&initialDelay=0&stateDirectory=" + state
                     + options).routeId(routeId).process(e -> {
                         String id = e.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
                         received.add(id);
                         inputNames.put(id, e.getMessage().getHeader(GrandChallengeConstants.INPUT_NAMES));
                     });
            }
        });
    }

    private Job finishedJob() {
        return template.requestBody("grandchallenge:job?waitForCompletion=true&waitPollInterval=50&algorithm="
                                    + platform.multiAlgorithm(), platform.multiInputs(), Job.class);
    }

    private long jobListRequests() {
        return platform.count("GET", "/api/v1/algorithms/jobs/");
    }

    private void awaitPolls(int polls) {
        long start = jobListRequests();
        await().atMost(Duration.ofSeconds(10)).until(() -> jobListRequests() >= start + polls);
    }

    /** A job finished by another client (another application, gcapi): the consumer's component never saw it. */
    private Job finishedJobOfAnotherClient() throws Exception {
        try (CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            other.addComponent("grandchallenge", componentFor(GC));
            other.start();
            return other.createProducerTemplate().requestBody("grandchallenge:job?waitForCompletion=true"
                    + "&waitPollInterval=50&algorithm=" + platform.multiAlgorithm(), platform.multiInputs(), Job.class);
        }
    }

    @Test
    void emitsOnlyJobsFinishingAfterFirstStartAndEachOnceAcrossRestarts() throws Exception {
        Job old = finishedJobOfAnotherClient();
        startConsumer("jobs", platform.multiAlgorithm(), "");
        awaitPolls(2);

        Job fresh = finishedJob();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(fresh.pk()));
        assertThat(received).doesNotContain(old.pk());

        context.getRouteController().stopRoute("jobs");
        Job whileStopped = finishedJob();
        context.getRouteController().startRoute("jobs");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(whileStopped.pk()));

        awaitPolls(3);
        assertThat(received).containsExactly(fresh.pk(), whileStopped.pk());
    }

    @Test
    void exactlyOnceAlsoAcrossAContextRestart() throws Exception {
        startConsumer("first-life", platform.multiAlgorithm(), "&includeExisting=true");
        Job job = finishedJob();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(job.pk()));
        context.getRouteController().stopRoute("first-life");
        context.removeRoute("first-life");

        // a new context: nothing in memory survives, only the state directory
        try (CamelContext secondLife = createCamelContext()) {
            secondLife.start();
            startConsumer(secondLife, "second-life", platform.multiAlgorithm(), "&includeExisting=true");
            Job later = finishedJob();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(later.pk()));
            awaitPolls(3);
            assertThat(received).containsOnlyOnce(job.pk(), later.pk()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aJobThisApplicationSubmittedIsEmittedEvenWhenItFinishedBeforeTheFirstPoll() throws Exception {
        Job ours = finishedJob();
        Job theirs = finishedJobOfAnotherClient();
        startConsumer("first-start", platform.multiAlgorithm(), "");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(ours.pk()));
        awaitPolls(3);
        assertThat(received).containsExactly(ours.pk()).doesNotContain(theirs.pk());
    }

    @Test
    void aJobIsRecordedOnlyWhenItsExchangeSucceeded() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the failure is expected: counted below, not logged with a stack trace
                errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
                context.getRegistry().bind("quiet", (org.apache.camel.spi.ExceptionHandler) new QuietHandler());
                from("grandchallenge:job?algorithm=" + platform.multiAlgorithm() + "&delay=100&initialDelay=0"
                     + "&exceptionHandler=#quiet&stateDirectory=" + state).routeId("flaky").process(e -> {
                         if (attempts.incrementAndGet() == 1) {
                             throw new IllegalStateException("downstream unavailable");
                         }
                         received.add(e.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class));
                     });
            }
        });
        awaitPolls(2);
        Job job = finishedJob();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(job.pk()));
        awaitPolls(3);
        assertThat(attempts.get()).as("failed once, then delivered once").isEqualTo(2);
        assertThat(received).containsExactly(job.pk());
    }

    @Test
    void includeExistingEmitsHistoryWithTheInputImageNames() throws Exception {
        Job imageJob = template.requestBody("grandchallenge:job?algorithm=" + platform.algorithm(),
                testImage("image10x10x10.mha"), Job.class);
        startConsumer("history", platform.algorithm(), "&includeExisting=true&statuses=Succeeded,Failed,Cancelled");
        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(imageJob.pk()));
        assertThat(inputNames.get(imageJob.pk())).isEqualTo(List.of("image10x10x10.mha"));
    }

    @Test
    void pollingCostStaysFlatAsHistoryGrows() throws Exception {
        for (int i = 0; i < 3; i++) {
            finishedJob();
        }
        startConsumer("flat", platform.multiAlgorithm(), "&includeExisting=true");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        awaitPolls(3);
        long pollCostWithShortHistory = platform.lastJobListResponseBytes();

        for (int i = 0; i < 5; i++) {
            finishedJob();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 8);
        awaitPolls(3);
        long pollCostWithLongerHistory = platform.lastJobListResponseBytes();

        // once everything is handled a poll reads one job: the one the persisted offset was counted after, which
        // proves the list is still the one the offset belongs to (about 2 KB, whatever the history)
        assertThat(pollCostWithLongerHistory).isLessThanOrEqualTo(pollCostWithShortHistory + 8)
                .isLessThan(4000);
    }

    @Test
    void inProgressStatusesAreEmittedOnceEachAsProgressNotices() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        // slow-algorithm stays Executing for two seconds: dozens of polls see the same status
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("grandchallenge:job?algorithm=slow-algorithm&delay=50&initialDelay=0"
                     + "&statuses=Executing,Succeeded&stateDirectory=" + state).routeId("progress")
                        .process(e -> seen.add(e.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class)
                                               + " " + e.getMessage().getHeader(GrandChallengeConstants.JOB_STATUS)));
            }
        });
        awaitPolls(2);
        Job job = template.requestBody("grandchallenge:job?algorithm=slow-algorithm",
                Map.of("patient-height", 181.25), Job.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains(job.pk() + " Succeeded"));
        awaitPolls(3);

        assertThat(seen).as("Executing once, although polled many times; the final status exactly once")
                .containsExactly(job.pk() + " Executing", job.pk() + " Succeeded");
    }

    /** Swallows the consumer's report of a failure the test provokes on purpose. */
    private static final class QuietHandler implements org.apache.camel.spi.ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
        }

        @Override
        public void handleException(String message, Throwable exception) {
        }

        @Override
        public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
        }
    }
}
