package io.github.camelgc.grandchallenge;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.model.Algorithm;

/**
 * An endpoint's algorithms by slug, looked up once and refreshed after {@link #MAX_AGE} or when a request that used
 * one failed in a way that says the platform no longer knows it ({@link #forget}): a dropped scan must not cost an
 * algorithm lookup, but a platform reset behind the same address must not keep a stale id either.
 */
public final class AlgorithmLookup {

    /** How long a looked-up algorithm is trusted (interfaces change rarely; ids only with a different platform). */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Entry(Algorithm algorithm, long fetchedAt) {
    }

    private final Function<String, Algorithm> fetch;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AlgorithmLookup(Function<String, Algorithm> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    /** The algorithm with this slug, from the platform when not known or too old. */
    public Algorithm get(String slug) {
        long now = clock.millis();
        Entry entry = entries.get(slug);
        if (entry == null || now - entry.fetchedAt() > MAX_AGE.toMillis()) {
            entry = new Entry(fetch.apply(slug), now);
            entries.put(slug, entry);
        }
        return entry.algorithm();
    }

    /** Drops what is known about {@code slug}; the next {@link #get} asks the platform. */
    public void forget(String slug) {
        entries.remove(slug);
    }

    /**
     * After a request that used {@code used} failed: the algorithm as the platform knows it now, when the failure
     * may mean that the platform no longer knows the id we hold (400 "Select a valid choice" or 404: reset behind
     * the same address, another deployment) and the id really changed. Empty when the failure means something else
     * (the caller rethrows it); the stale entry is dropped either way. The one place that decides this, for the
     * producers and the consumers.
     */
    public Optional<Algorithm> refreshedAfter(GrandChallengeApiException failure, Algorithm used) {
        // the credits refusal is a 400 that names an algorithm the platform knows
        if (failure instanceof GrandChallengeOutOfCreditsException
                || failure.getStatusCode() != 400 && failure.getStatusCode() != 404) {
            return Optional.empty();
        }
        forget(used.slug());
        Algorithm fresh = get(used.slug());
        return fresh.pk().equals(used.pk()) ? Optional.empty() : Optional.of(fresh);
    }
}
