package io.github.camelgc.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.GrandChallengeEmulator;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Figure 4: API requests of the job consumer with 10,000 finished jobs in the history and 200 running, counted by the
 * emulator's request log, versus the naive approach of GETting every tracked job each poll. Both see the same
 * schedule: after each poll, the next 10 running jobs finish.
 */
final class PollingBench {

    private static final String ALGORITHM = "pulmonary-lobe-segmentation";
    private static final int STEADY_POLLS = 10;
    private static final int FINISH_PER_POLL = 10;

    private final Benchmarks.Options options;
    private final Path tmp;
    private final List<Figure> figures;

    PollingBench(Benchmarks.Options options, Path tmp, List<Figure> figures) {
        this.options = options;
        this.tmp = tmp;
        this.figures = figures;
    }

    /** Counts finished polls. */
    static final class PollCounter implements PollingConsumerPollStrategy {
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            synchronized (this) {
                polls.incrementAndGet();
                notifyAll();
            }
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            return false;
        }

        synchronized void awaitPolls(int target) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 120_000;
            while (polls.get() < target) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("Only " + polls.get() + " of " + target + " polls in 2 minutes");
                }
                wait(left);
            }
        }
    }

    void run() throws Exception {
        try (GrandChallengeEmulator gc = GrandChallengeEmulator.start(EmulatorConfig.defaults()
                .storageDir(tmp.resolve("polling-storage")));
                EmbeddedPlatform platform = EmbeddedPlatform.of(gc)) {
            String inputImage = gc.state().images().get(0).pk();
            String outputImage = gc.state().images().get(1).pk();
            Map<String, String> inputs = Map.of("generic-medical-image", inputImage);
            Map<String, String> outputs = Map.of("pulmonary-lobes", outputImage);
            gc.seedJobs("demo", ALGORITHM, JobStatus.SUCCEEDED, options.historyJobs, inputs, outputs);
            List<String> running = gc.seedJobs("demo", ALGORITHM, JobStatus.EXECUTING, options.runningJobs, inputs,
                    Map.of());

            // ours: the grandchallenge:job consumer
            PollCounter counter = new PollCounter();
            Set<String> emitted = ConcurrentHashMap.newKeySet();
            CamelContext camel = new DefaultCamelContext();
            GrandChallengeComponent component = new GrandChallengeComponent();
            component.getConfiguration().setBaseUrl(platform.baseUrl());
            component.getConfiguration().setToken(platform.token());
            component.getConfiguration().setSslContextParameters(platform.trust().orElseThrow());
            component.getConfiguration().setStateDirectory(tmp.resolve("polling-state").toString());
            camel.addComponent("grandchallenge", component);
            camel.getRegistry().bind("pollCounter", counter);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("grandchallenge:job?algorithm=" + ALGORITHM + "&initialDelay=0&delay=20"
                         + "&pollStrategy=#pollCounter")
                            .process(e -> emitted.add(e.getMessage().getHeader(GrandChallengeConstants.JOB_ID,
                                    String.class)));
                }
            });
            gc.requestLog().clear();
            camel.start();
            long firstPollRequests;
            long steadyRequests;
            int steadyPolls;
            long finishRequests;
            int finishPolls;
            try {
                counter.awaitPolls(1);
                firstPollRequests = apiRequests(gc);
                int start = counter.polls.get();
                counter.awaitPolls(start + 1);
                gc.requestLog().clear();
                start = counter.polls.get();
                counter.awaitPolls(start + STEADY_POLLS);
                steadyPolls = counter.polls.get() - start;
                steadyRequests = apiRequests(gc);

                gc.requestLog().clear();
                start = counter.polls.get();
                for (int i = 0; i < running.size(); i += FINISH_PER_POLL) {
                    for (String pk : running.subList(i, Math.min(running.size(), i + FINISH_PER_POLL))) {
                        gc.finishSeededJob(pk, outputs);
                    }
                    // a poll that started after the jobs finished has completed
                    counter.awaitPolls(counter.polls.get() + 2);
                }
                finishPolls = counter.polls.get() - start;
                finishRequests = apiRequests(gc);
            } finally {
                camel.stop();
            }
            if (emitted.size() != running.size()) {
                throw new IllegalStateException("The consumer emitted " + emitted.size() + " of " + running.size()
                                                + " finished jobs");
            }

            // naive: GET every tracked (unfinished) job each poll, emit the finished ones
            List<String> tracked = new ArrayList<>(gc.seedJobs("demo", ALGORITHM, JobStatus.EXECUTING,
                    options.runningJobs, inputs, Map.of()));
            long naiveSteady;
            long naiveFinish;
            int naiveEmitted = 0;
            try (GrandChallengeClient client = new GrandChallengeClient(clientSettings(gc))) {
                gc.requestLog().clear();
                for (int poll = 0; poll < 2; poll++) {
                    naivePoll(client, tracked);
                }
                naiveSteady = apiRequests(gc) / 2;
                gc.requestLog().clear();
                List<String> toFinish = new ArrayList<>(tracked);
                for (int i = 0; i < toFinish.size(); i += FINISH_PER_POLL) {
                    for (String pk : toFinish.subList(i, Math.min(toFinish.size(), i + FINISH_PER_POLL))) {
                        gc.finishSeededJob(pk, outputs);
                    }
                    naiveEmitted += naivePoll(client, tracked);
                }
                naiveFinish = apiRequests(gc);
            }
            String history = options.historyJobs + " finished + " + options.runningJobs + " running";
            figures.add(new Figure("poll, steady state (" + history + ")", "req/poll", "GET each tracked job",
                    naiveSteady, steadyRequests / (double) steadyPolls, false, "a few, flat", steadyRequests / (double) steadyPolls <= 3));
            figures.add(new Figure("requests per finished job emitted", "req/job", "GET each tracked job",
                    naiveFinish / (double) naiveEmitted, finishRequests / (double) emitted.size(), false, "", null));
            figures.add(new Figure("first poll (baseline of the history)", "req", "GET each tracked job",
                    naiveSteady, firstPollRequests, false, "", null));
            System.out.printf("  polling: %d steady polls, %d polls while %d jobs finished%n", steadyPolls, finishPolls,
                    emitted.size());
        }
    }

    /** One naive poll: GET every tracked job; forget (emit) the finished ones. Returns how many were emitted. */
    private static int naivePoll(GrandChallengeClient client, List<String> tracked) {
        int done = 0;
        for (var it = tracked.iterator(); it.hasNext(); ) {
            if (client.job(it.next()).isFinal()) {
                it.remove();
                done++;
            }
        }
        return done;
    }

    private static long apiRequests(GrandChallengeEmulator gc) {
        return gc.requestLog().count(e -> e.path().startsWith("/api/"));
    }

    /** The component's client settings with its production defaults. */
    static ClientSettings clientSettings(GrandChallengeEmulator gc) {
        return ClientSettings.builder(URI.create(gc.baseUrl())).token(ApiToken.of(gc.token("demo")))
                .trustStore(gc.trustStore()).build();
    }
}
