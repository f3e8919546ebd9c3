package io.github.camelgc.grandchallenge.consumer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.Page;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Emits each job of an algorithm that reached one of the wanted final statuses, exactly once.
 * <p>
 * Cost stays flat as history grows: the jobs list is ordered by creation and has no status filter, so the consumer
 * persists the list offset below which every job is final and handled, and each poll reads only from there (pages of
 * up to 1000). Only unfinished jobs, and jobs created since, are read again.
 * <p>
 * Final statuses are emitted exactly once (recorded in the idempotent repository after success). In-progress statuses
 * listed in {@code statuses} (e.g. {@code Queued}, {@code Executing}) are progress notices: emitted once per job and
 * status as this consumer sees them, kept in memory only, never recorded, and without the input names header (which
 * would cost a request per input).
 */
public class JobConsumer extends AbstractGrandChallengeConsumer {

    private final Set<String> statuses;
    /** Job pk → the in-progress status last emitted for it; entries leave once the job is final. */
    private final Map<String, String> progressEmitted = new HashMap<>();
    private Algorithm algorithm;

    public JobConsumer(GrandChallengeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.statuses = Arrays.stream(endpoint.getConfiguration().getStatuses().split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getEndpoint().getConfiguration().getAlgorithm() == null) {
            throw new IllegalArgumentException("The grandchallenge:job consumer needs the 'algorithm' option");
        }
    }

    @Override
    String stateName() {
        return getEndpoint().getConfiguration().getAlgorithm();
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        GrandChallengeConfiguration configuration = getEndpoint().getConfiguration();
        GrandChallengeClient client = getEndpoint().client();
        if (algorithm == null) {
            algorithm = client.algorithm(configuration.getAlgorithm());
        }
        ConsumerState state = state();
        if (!state.isInitialized()) {
            if (!configuration.isIncludeExisting()) {
                baseline(client);
            }
            state.markInitialized();
        }
        long offset = state.offset();
        long index = offset;
        long handledPrefix = offset;
        boolean prefixIntact = true;
        Queue<Object> exchanges = new LinkedList<>();
        int limit = Math.min(Math.max(1, configuration.getPageSize()), GrandChallengeClient.MAX_PAGE_SIZE);
        while (true) {
            Page<Job> page = client.jobsPage(algorithm.pk(), index, limit);
            for (Job job : page.results()) {
                if (!job.isFinal() && wanted(job) && !job.status().equals(progressEmitted.get(job.pk()))
                        && withinBatchLimit(exchanges)) {
                    progressEmitted.put(job.pk(), job.status());
                    exchanges.add(jobExchange(job));
                } else if (job.isFinal()) {
                    progressEmitted.remove(job.pk());
                }
                boolean done = job.isFinal() && (!wanted(job) || isHandled(job.pk()));
                if (!done && job.isFinal() && wanted(job) && !isInFlight(job.pk()) && withinBatchLimit(exchanges)) {
                    exchanges.add(createExchange(client, job));
                }
                prefixIntact &= done;
                if (prefixIntact) {
                    handledPrefix = index + 1;
                }
                index++;
            }
            if (page.next() == null || page.results().isEmpty()) {
                break;
            }
        }
        if (handledPrefix != offset) {
            state.saveOffset(handledPrefix);
        }
        forceConsumerAsReady();
        return processBatch(exchanges);
    }

    /** First start without includeExisting: every job that is already final counts as handled. */
    private void baseline(GrandChallengeClient client) {
        long index = 0;
        while (true) {
            Page<Job> page = client.jobsPage(algorithm.pk(), index, GrandChallengeClient.MAX_PAGE_SIZE);
            for (Job job : page.results()) {
                if (job.isFinal() && !isHandled(job.pk())) {
                    markHandled(job.pk());
                }
            }
            index += page.results().size();
            if (page.next() == null || page.results().isEmpty()) {
                return;
            }
        }
    }

    private boolean withinBatchLimit(Queue<Object> exchanges) {
        return maxMessagesPerPoll <= 0 || exchanges.size() < maxMessagesPerPoll;
    }

    private boolean wanted(Job job) {
        return statuses.contains(job.status() == null ? "" : job.status().toLowerCase(Locale.ROOT));
    }

    private Exchange createExchange(GrandChallengeClient client, Job job) {
        Exchange exchange = jobExchange(job);
        exchange.getMessage().setHeader(GrandChallengeConstants.INPUT_NAMES, client.inputImageNames(job));
        track(exchange, job.pk());
        return exchange;
    }

    private Exchange jobExchange(Job job) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(job);
        message.setHeader(GrandChallengeConstants.JOB_ID, job.pk());
        message.setHeader(GrandChallengeConstants.JOB_STATUS, job.status());
        message.setHeader(GrandChallengeConstants.JOB_URL, job.apiUrl());
        message.setHeader(GrandChallengeConstants.ALGORITHM, algorithm.slug());
        return exchange;
    }
}
