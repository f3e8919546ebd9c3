package io.github.camelgc.grandchallenge.producer;

import java.time.Duration;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps submissions away from an algorithm the account is out of credits for, so no upload is wasted: known out
 * means fail at once (no network), until a check is due; the check costs no job and no upload.
 * <p>
 * The check posts the job with no inputs ({@code "inputs": []}). The platform (snapshot {@code 9957bfc2},
 * {@code algorithms/serializers.py} {@code JobPostSerializer}) reads the fields first, and DRF's list serializer
 * accepts an empty list; then {@code validate()} checks in order: the algorithm image is ready (l. 219), the remaining
 * jobs are at least one, else "You have run out of algorithm credits" (l. 227-233), fewer than the maximum of active
 * jobs (l. 235-242), and the inputs match an interface (l. 244-247). No interface has zero inputs
 * ({@code algorithms/models.py} {@code AlgorithmInterfaceManager.create}: "An interface must have at least one
 * input"), so without credits the answer is the credits refusal and with credits "too many active jobs" or the
 * interface mismatch: never a job. The check is only made when the algorithm as read shows no interface without
 * inputs; otherwise, and when the answer tells nothing (the image not ready, a field error, no answer), the next
 * real submission is the check.
 */
final class CreditsGate {

    private static final Logger LOG = LoggerFactory.getLogger(CreditsGate.class);
    static final String INTERFACE_MISMATCH = "does not match any of the algorithm's interfaces";

    private final OutOfCredits register;
    private final GrandChallengeClient client;
    private final Duration recheckInterval;

    CreditsGate(OutOfCredits register, GrandChallengeClient client, Duration recheckInterval) {
        this.register = register;
        this.client = client;
        this.recheckInterval = recheckInterval;
    }

    /**
     * Before anything is uploaded: returns when the submission may go ahead.
     *
     * @throws GrandChallengeOutOfCreditsException when the algorithm is out of credits (known, or found by a check)
     */
    void beforeUpload(Algorithm algorithm) {
        OutOfCredits.Key key = key(algorithm);
        switch (register.decide(key)) {
            case SUBMIT -> {
            }
            case WAIT -> register.current(key).ifPresent(status -> {
                throw exception(status, List.of(), false);
            });
            case RECHECK -> recheck(key, algorithm);
            default -> throw new IllegalStateException();
        }
    }

    /** The platform refused this submission's post for want of credits. */
    GrandChallengeOutOfCreditsException refused(Algorithm algorithm, GrandChallengeApiException answer) {
        return exception(register.refused(key(algorithm), recheckInterval), answer.getServerMessages(), true);
    }

    /** The platform accepted a job of the algorithm: it has credits. */
    void accepted(Algorithm algorithm) {
        register.available(key(algorithm));
    }

    private void recheck(OutOfCredits.Key key, Algorithm algorithm) {
        boolean settled = false;
        try {
            if (!noInterfaceWithoutInputs(algorithm)) {
                return;
            }
            Job job = client.createJob(algorithm.apiUrl(), Json.mapper().createArrayNode());
            // cannot happen on the platform (see above); if it ever does, say so rather than hide a stray job
            LOG.warn("The credits check for '{}' created job {} with no inputs; credits are available",
                    algorithm.slug(), job.pk());
            register.available(key);
            settled = true;
        } catch (GrandChallengeApiException e) {
            if (e.getStatusCode() == 400 && e.hasServerMessage(JobSubmitter.OUT_OF_CREDITS)) {
                OutOfCredits.Status status = register.refused(key, recheckInterval);
                settled = true;
                throw exception(status, e.getServerMessages(), false);
            }
            if (e.getStatusCode() == 400 && (e.hasServerMessage(JobSubmitter.TOO_MANY_ACTIVE_JOBS)
                                             || e.hasServerMessage(INTERFACE_MISMATCH))) {
                // both come after the credits check: there are credits
                register.available(key);
                settled = true;
            } else {
                LOG.debug("The credits check for '{}' was inconclusive ({}); the submission decides", algorithm.slug(),
                        e.getMessage());
            }
        } catch (GrandChallengeException e) {
            LOG.debug("The credits check for '{}' failed ({}); the submission decides", algorithm.slug(),
                    e.getMessage());
        } finally {
            if (!settled) {
                register.unsettled(key);
            }
        }
    }

    private static boolean noInterfaceWithoutInputs(Algorithm algorithm) {
        return algorithm.apiUrl() != null && !algorithm.effectiveInterfaces().isEmpty()
               && algorithm.effectiveInterfaces().stream().noneMatch(i -> i.inputs().isEmpty());
    }

    private OutOfCredits.Key key(Algorithm algorithm) {
        return new OutOfCredits.Key(client.baseUri(), client.transport().settings().token(), algorithm.slug());
    }

    private static GrandChallengeOutOfCreditsException exception(OutOfCredits.Status status, List<String> answer,
            boolean refusedNow) {
        return new GrandChallengeOutOfCreditsException(status.algorithm(), status.since(), status.nextCheck(), answer,
                refusedNow);
    }
}
