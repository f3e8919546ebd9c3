package io.github.camelgc.grandchallenge.producer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.SocketValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a job once its inputs are uploaded, with the two behaviours gcapi lacks:
 * <ul>
 * <li>the 400 "too many active jobs" answer is back-pressure: wait and resubmit, bounded by a deadline;</li>
 * <li>an ambiguous failure (no response, or a gateway error after the server may have acted) is never blindly
 * re-posted: the jobs created since the attempt are looked up first.</li>
 * </ul>
 */
final class JobSubmitter {

    static final String TOO_MANY_ACTIVE_JOBS = "too many active jobs";
    static final String DUPLICATE = "A result for these inputs";
    private static final Logger LOG = LoggerFactory.getLogger(JobSubmitter.class);

    private final GrandChallengeClient client;
    private final GrandChallengeConfiguration configuration;

    /** The outcome: the job and whether it already existed (the platform's duplicate check). */
    record Submitted(Job job, boolean existing) {
    }

    JobSubmitter(GrandChallengeClient client, GrandChallengeConfiguration configuration) {
        this.client = client;
        this.configuration = configuration;
    }

    Submitted submit(Algorithm algorithm, ArrayNode inputs) {
        long started = System.nanoTime();
        boolean recovered = false;
        while (true) {
            long knownJobs = client.jobsPage(algorithm.pk(), 0, 1).count();
            try {
                return new Submitted(client.createJob(algorithm.apiUrl(), inputs), false);
            } catch (GrandChallengeApiException e) {
                if (e.getStatusCode() == 400 && e.hasServerMessage(TOO_MANY_ACTIVE_JOBS)) {
                    waitForCapacity(started, e);
                    continue;
                }
                if (e.getStatusCode() == 400 && e.hasServerMessage(DUPLICATE)) {
                    Job existing = findExisting(algorithm, inputs, 0);
                    if (existing != null) {
                        return new Submitted(existing, true);
                    }
                    throw e;
                }
                if (!isAmbiguous(e) || recovered) {
                    throw e;
                }
                recovered = true;
                Submitted found = recover(algorithm, inputs, knownJobs, e);
                if (found != null) {
                    return found;
                }
            } catch (GrandChallengeIoException e) {
                if (recovered) {
                    throw e;
                }
                recovered = true;
                Submitted found = recover(algorithm, inputs, knownJobs, e);
                if (found != null) {
                    return found;
                }
            }
        }
    }

    private static boolean isAmbiguous(GrandChallengeApiException e) {
        int status = e.getStatusCode();
        return status == 500 || status == 502 || status == 504;
    }

    /** Returns the job the failed POST may have created, or null when none exists (then re-posting is safe). */
    private Submitted recover(Algorithm algorithm, ArrayNode inputs, long knownJobs, GrandChallengeException cause) {
        LOG.info("Job submission to '{}' failed ambiguously ({}); looking for a job it may have created",
                algorithm.slug(), cause.getMessage());
        List<Job> candidates = new ArrayList<>();
        Iterator<Job> jobs = client.jobs(Map.of("algorithm_image__algorithm", algorithm.pk(),
                "offset", Long.toString(knownJobs)));
        jobs.forEachRemaining(job -> {
            if (matches(job, inputs)) {
                candidates.add(job);
            }
        });
        if (candidates.size() == 1) {
            return new Submitted(candidates.get(0), false);
        }
        if (candidates.size() > 1) {
            throw new GrandChallengeException("Job submission to '" + algorithm.slug() + "' failed ambiguously and "
                                              + candidates.size() + " jobs created since could be the one; not re-posting. "
                                              + "Cause: " + cause.getMessage(), cause);
        }
        return null;
    }

    /**
     * Whether a job could have been created from these inputs: same socket count, and equal values and image URLs
     * where the job already shows them (uploaded inputs appear only after import, so they cannot be compared).
     */
    static boolean matches(Job job, ArrayNode inputs) {
        if (!job.inputs().isEmpty() && job.inputs().size() != inputs.size()) {
            return false;
        }
        for (JsonNode input : inputs) {
            String slug = input.path("interface").asText();
            for (SocketValue value : job.inputs()) {
                if (!slug.equals(value.slug())) {
                    continue;
                }
                if (input.has("value") && !input.get("value").equals(value.value())) {
                    return false;
                }
                if (input.has("image") && !sameUrlPath(input.get("image").asText(), value.image())) {
                    return false;
                }
            }
        }
        return true;
    }

    private Job findExisting(Algorithm algorithm, ArrayNode inputs, long offset) {
        String imageUrl = null;
        for (JsonNode input : inputs) {
            if (input.has("image")) {
                imageUrl = input.get("image").asText();
            }
        }
        if (imageUrl == null) {
            return null;
        }
        String imagePk = lastPathSegment(imageUrl);
        Iterator<Job> jobs = client.jobs(Map.of("algorithm_image__algorithm", algorithm.pk(), "input_image", imagePk,
                "offset", Long.toString(offset)));
        while (jobs.hasNext()) {
            Job job = jobs.next();
            if (job.inputs().size() == inputs.size() && matches(job, inputs)) {
                return job;
            }
        }
        return null;
    }

    private void waitForCapacity(long started, GrandChallengeApiException cause) {
        long waited = (System.nanoTime() - started) / 1_000_000L;
        if (waited >= configuration.getActiveJobsMaxWait()) {
            throw new GrandChallengeException("Still too many active jobs after waiting " + waited + " ms "
                                              + "(activeJobsMaxWait=" + configuration.getActiveJobsMaxWait() + ")", cause);
        }
        LOG.info("Too many active jobs on the platform; resubmitting in {} ms", configuration.getActiveJobsRetryDelay());
        try {
            Thread.sleep(configuration.getActiveJobsRetryDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrandChallengeException("Interrupted while waiting for active jobs to finish", e);
        }
    }

    private static boolean sameUrlPath(String a, String b) {
        return b != null && URI.create(a).getPath().equals(URI.create(b).getPath());
    }

    private static String lastPathSegment(String url) {
        String path = URI.create(url).getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
