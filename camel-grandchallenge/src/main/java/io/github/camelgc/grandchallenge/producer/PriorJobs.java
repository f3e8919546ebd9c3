package io.github.camelgc.grandchallenge.producer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.inputs.ExpectedInput;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.ApiUrls;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.SocketValue;

/**
 * Finds the job an earlier post created, among the algorithm's jobs created since a known count: same sockets, equal
 * values, the same existing images, and uploaded images under the names they were uploaded with. Costs one list read
 * (and one image read per uploaded input of a candidate); runs only after a crash or a lost answer.
 */
final class PriorJobs {

    private final GrandChallengeClient client;

    PriorJobs(GrandChallengeClient client) {
        this.client = client;
    }

    /**
     * The one matching job created since {@code since}, or empty when there is none (posting is then safe).
     *
     * @throws SubmissionPendingException when a candidate does not show its inputs yet (it is still importing them):
     *                                    retryable, since guessing could post a duplicate
     * @throws GrandChallengeException   when several jobs match: re-posting could duplicate one, so a person decides
     */
    Optional<Job> find(Algorithm algorithm, long since, List<ExpectedInput> expected) {
        return single(algorithm, client.jobs(Map.of("algorithm_image__algorithm", algorithm.pk(),
                "offset", Long.toString(Math.max(0, since)))), expected);
    }

    /** The one matching job that used the existing image {@code imageUrl} as an input (the duplicate check's job). */
    Optional<Job> findUsing(Algorithm algorithm, String imageUrl, List<ExpectedInput> expected) {
        return single(algorithm, client.jobs(Map.of("algorithm_image__algorithm", algorithm.pk(),
                "input_image", ApiUrls.lastSegment(imageUrl))), expected);
    }

    private Optional<Job> single(Algorithm algorithm, Iterator<Job> jobs, List<ExpectedInput> expected) {
        List<Job> matches = new ArrayList<>();
        while (jobs.hasNext()) {
            Job job = jobs.next();
            if (matches(job, expected)) {
                matches.add(job);
            }
        }
        if (matches.size() > 1) {
            throw new GrandChallengeException(matches.size() + " jobs of '" + algorithm.slug() + "' created since the "
                                              + "interrupted submission have these inputs ("
                                              + matches.stream().map(Job::pk).collect(Collectors.joining(", "))
                                              + "); not posting another. Check them on the platform.");
        }
        return matches.stream().findFirst();
    }

    private boolean matches(Job job, List<ExpectedInput> expected) {
        if (job.inputs().isEmpty()) {
            if (!job.isFinal()) {
                throw new SubmissionPendingException("Job " + job.pk() + " may be the one an interrupted submission "
                                                     + "created but does not show its inputs yet (they are being "
                                                     + "imported); checking again later");
            }
            return false;
        }
        Set<String> sockets = job.inputs().stream().map(SocketValue::slug).collect(Collectors.toSet());
        if (!sockets.equals(expected.stream().map(ExpectedInput::socket).collect(Collectors.toSet()))) {
            return false;
        }
        for (ExpectedInput input : expected) {
            SocketValue shown = job.inputs().stream().filter(v -> input.socket().equals(v.slug())).findFirst()
                    .orElseThrow();
            if (input.value() != null && !input.value().equals(shown.value())) {
                return false;
            }
            if (input.imageUrl() != null && !samePath(input.imageUrl(), shown.image())) {
                return false;
            }
            if (!input.uploadNames().isEmpty() && shown.image() != null
                && !input.uploadNames().contains(client.image(shown.image()).name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePath(String a, String b) {
        return b != null && URI.create(a).getPath().equals(URI.create(b).getPath());
    }
}
