package io.github.camelgc.grandchallenge.consumer;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.Page;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits each job of an algorithm that reached one of the wanted final statuses, exactly once.
 * <p>
 * Cost stays flat as history grows: the jobs list is ordered by creation and has no status filter, so the consumer
 * saves the list offset below which every job is final and handled, and each poll reads only from there (pages of
 * up to 1000). Only unfinished jobs, and jobs created since, are read again. Each poll starts one job early, at the
 * job the offset was counted after: if that is not the job saved with the offset, the list is not the one the offset
 * belongs to (the platform was reset, or the base URL now points to another deployment), and the consumer reads the
 * list from the start instead of skipping jobs it never saw.
 * <p>
 * Final statuses are emitted exactly once (recorded in the idempotent repository after success). In-progress statuses
 * listed in {@code statuses} (e.g. {@code Queued}, {@code Executing}) are progress notices: emitted once per job and
 * status as this consumer sees them, kept in memory only, never recorded. A job still unfinished {@code jobTimeout}
 * after this consumer first saw it is emitted once with {@link GrandChallengeConstants#JOB_TIMED_OUT} and then
 * counts as handled: results it produces later are not emitted.
 */
public class JobConsumer extends AbstractGrandChallengeConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JobConsumer.class);

    private final Set<String> statuses;
    private final Clock clock;
    /** Job pk → the in-progress status last emitted for it; entries leave once the job is final. */
    private final Map<String, String> progressEmitted = new HashMap<>();

    public JobConsumer(GrandChallengeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.statuses = Arrays.stream(endpoint.getConfiguration().getStatuses().split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        this.clock = Clock.systemUTC();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getEndpoint().getConfiguration().getAlgorithm() == null) {
            throw new IllegalArgumentException("The grandchallenge:job consumer needs the 'algorithm' option");
        }
    }

    @Override
    String followedSlug() {
        return getEndpoint().getConfiguration().getAlgorithm();
    }

    @Override
    protected int poll() throws Exception {
        long started = System.nanoTime();
        shutdownRunningTask = null;
        pendingExchanges = 0;
        GrandChallengeConfiguration configuration = getEndpoint().getConfiguration();
        GrandChallengeClient client = getEndpoint().client();
        Algorithm held = getEndpoint().algorithms().get(configuration.getAlgorithm());
        PollPosition saved = PollPosition.load(positions(), positionKey()).orElse(null);
        boolean firstStart = saved == null;
        // a position replaced on this poll is saved even when reading changes nothing (else every poll finds the
        // stale one again, says so and reads the list from the start)
        boolean replaced = false;
        if (firstStart) {
            saved = getEndpoint().legacyOffset(getEndpoint().getKind(), followedSlug())
                    .map(offset -> new PollPosition(held.pk(), offset, null, Map.of()))
                    .orElse(PollPosition.start(held.pk()));
            if (saved.offset() == 0 && !configuration.isIncludeExisting()) {
                saved = baseline(client, held);
            }
        } else if (!held.pk().equals(saved.followed())) {
            saved = platformChanged(held, "the algorithm's id is not the one saved");
            replaced = true;
        }
        Queue<Object> exchanges = new LinkedList<>();
        PollPosition next;
        Algorithm algorithm = held;
        try {
            next = read(client, algorithm, saved, exchanges);
        } catch (GrandChallengeApiException e) {
            // "Select a valid choice": the platform no longer knows the algorithm id we hold (reset, moved); the
            // list is read with the fresh id in this poll, not after a failed one
            algorithm = getEndpoint().algorithms().refreshedAfter(e, held).orElseThrow(() -> e);
            saved = platformChanged(algorithm, "the algorithm's id is not the one saved");
            replaced = true;
            exchanges.clear();
            next = read(client, algorithm, saved, exchanges);
        }
        if (next == null) {
            saved = platformChanged(algorithm, "the job saved with the position is not at its place in the list");
            replaced = true;
            exchanges.clear();
            next = read(client, algorithm, saved, exchanges);
        }
        if (firstStart || replaced || !next.equals(saved)) {
            next.save(positions(), positionKey());
        }
        forceConsumerAsReady();
        Queue<Object> batch = exchanges(client, algorithm, exchanges);
        getEndpoint().getComponent().metrics().polled(algorithm.slug(),
                java.time.Duration.ofNanos(System.nanoTime() - started), batch.size());
        return processBatch(batch);
    }

    /** A final (or timed-out) job to emit; its exchange is made once the whole list was read. */
    private record Emission(Job job, boolean timedOut) {
    }

    /**
     * Turns what {@link #read} queued into exchanges. Emissions become exchanges (and in flight) only here, after the
     * list was read without failure, so a failed poll leaves nothing marked in flight that will never be processed;
     * a job whose input names cannot be read now is left for the next poll.
     */
    private Queue<Object> exchanges(GrandChallengeClient client, Algorithm algorithm, Queue<Object> queued) {
        Queue<Object> exchanges = new LinkedList<>();
        for (Object item : queued) {
            if (item instanceof Emission emission) {
                try {
                    exchanges.add(finalExchange(client, algorithm, emission.job(), emission.timedOut()));
                } catch (GrandChallengeException e) {
                    LOG.warn("The input names of job {} cannot be read now ({}); it is emitted on a later poll",
                            emission.job().pk(), e.getMessage());
                }
            } else {
                exchanges.add(item);
            }
        }
        return exchanges;
    }

    /**
     * Reads the list from the saved offset and queues what to emit; returns the new position, or {@code null} when the
     * list does not hold the saved anchor where the position says (then nothing was queued that matters).
     */
    private PollPosition read(GrandChallengeClient client, Algorithm algorithm, PollPosition saved,
            Queue<Object> exchanges) {
        GrandChallengeConfiguration configuration = getEndpoint().getConfiguration();
        long offset = saved.offset();
        long index = offset > 0 ? offset - 1 : 0;
        long handledPrefix = offset;
        String anchor = saved.anchor();
        boolean prefixIntact = true;
        boolean anchorChecked = offset == 0 || saved.anchor() == null;
        Map<String, Long> open = new LinkedHashMap<>();
        long now = clock.millis();
        int limit = Math.min(Math.max(1, configuration.getPageSize()), GrandChallengeClient.MAX_PAGE_SIZE);
        while (true) {
            Page<Job> page = client.jobsPage(algorithm.pk(), index, limit);
            if (!anchorChecked && page.results().isEmpty()) {
                return null;
            }
            for (Job job : page.results()) {
                if (!anchorChecked) {
                    if (!job.pk().equals(saved.anchor())) {
                        return null;
                    }
                    anchorChecked = true;
                    index++;
                    continue;
                }
                if (!job.isFinal()) {
                    long firstSeen = saved.open().getOrDefault(job.pk(), now);
                    boolean timedOut = now - firstSeen >= configuration.getJobTimeout() && !isHandled(job.pk());
                    if (!isHandled(job.pk())) {
                        open.put(job.pk(), firstSeen);
                    }
                    if (timedOut && !isInFlight(job.pk()) && withinBatchLimit(exchanges)) {
                        exchanges.add(new Emission(job, true));
                    } else if (!timedOut && wanted(job) && !job.status().equals(progressEmitted.get(job.pk()))
                               && withinBatchLimit(exchanges)) {
                        progressEmitted.put(job.pk(), job.status());
                        exchanges.add(jobExchange(algorithm, job));
                    }
                } else {
                    progressEmitted.remove(job.pk());
                    if (wanted(job) && !isHandled(job.pk()) && !isInFlight(job.pk()) && withinBatchLimit(exchanges)) {
                        exchanges.add(new Emission(job, false));
                    }
                }
                boolean done = isHandled(job.pk()) || job.isFinal() && !wanted(job);
                prefixIntact &= done;
                if (prefixIntact) {
                    handledPrefix = index + 1;
                    anchor = job.pk();
                }
                index++;
            }
            if (page.next() == null || page.results().isEmpty()) {
                break;
            }
        }
        return new PollPosition(algorithm.pk(), handledPrefix, anchor, open);
    }

    private PollPosition platformChanged(Algorithm algorithm, String why) {
        LOG.warn("The jobs of algorithm '{}' at {} no longer match this consumer's saved position ({}): the platform "
                 + "was reset, or the base URL now points to another deployment. Reading its job list from the start; "
                 + "jobs emitted before are not emitted again.", algorithm.slug(),
                getEndpoint().getConfiguration().getBaseUrl(), why);
        progressEmitted.clear();
        return PollPosition.start(algorithm.pk());
    }

    /**
     * First start without includeExisting: every job that is already final counts as handled, except the ones this
     * component submitted itself (a route of this application submitted them; they may have finished before this
     * first poll got through).
     */
    private PollPosition baseline(GrandChallengeClient client, Algorithm algorithm) {
        long index = 0;
        Map<String, Long> open = new LinkedHashMap<>();
        long now = clock.millis();
        while (true) {
            Page<Job> page = client.jobsPage(algorithm.pk(), index, GrandChallengeClient.MAX_PAGE_SIZE);
            for (Job job : page.results()) {
                if (job.isFinal() && !isHandled(job.pk()) && !getEndpoint().getComponent().submittedJobs()
                        .contains(job.pk())) {
                    markHandled(job.pk());
                } else if (!job.isFinal()) {
                    open.put(job.pk(), now);
                }
            }
            index += page.results().size();
            if (page.next() == null || page.results().isEmpty()) {
                return new PollPosition(algorithm.pk(), 0, null, open);
            }
        }
    }

    private boolean withinBatchLimit(Queue<Object> exchanges) {
        return maxMessagesPerPoll <= 0 || exchanges.size() < maxMessagesPerPoll;
    }

    private boolean wanted(Job job) {
        return statuses.contains(job.status() == null ? "" : job.status().toLowerCase(Locale.ROOT));
    }

    /** A final job, or one given up on: emitted exactly once, with the names of its input images. */
    private Exchange finalExchange(GrandChallengeClient client, Algorithm algorithm, Job job, boolean timedOut) {
        Exchange exchange = jobExchange(algorithm, job);
        exchange.getMessage().setHeader(GrandChallengeConstants.INPUT_NAMES, getEndpoint().inputNames().of(client, job));
        if (timedOut) {
            exchange.getMessage().setHeader(GrandChallengeConstants.JOB_TIMED_OUT, true);
        }
        track(exchange, job.pk(),
                () -> getEndpoint().getComponent().metrics().jobFinished(algorithm.slug(), job.status(), timedOut));
        return exchange;
    }

    private Exchange jobExchange(Algorithm algorithm, Job job) {
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
