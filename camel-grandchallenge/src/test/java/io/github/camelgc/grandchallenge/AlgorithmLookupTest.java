package io.github.camelgc.grandchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.model.Algorithm;
import org.junit.jupiter.api.Test;

class AlgorithmLookupTest {

    private final AtomicReference<String> platformId = new AtomicReference<>("id-1");
    private final AtomicInteger lookups = new AtomicInteger();
    private final AlgorithmLookup lookup = new AlgorithmLookup(slug -> {
        lookups.incrementAndGet();
        return algorithm(slug, platformId.get());
    }, Clock.systemUTC());

    @Test
    void anAlgorithmIsLookedUpOnce() {
        lookup.get("lobes");
        lookup.get("lobes");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aRefusalOfTheIdItHoldsGivesTheFreshAlgorithmWhenThePlatformChanged() {
        Algorithm held = lookup.get("lobes");
        platformId.set("id-2");

        assertThat(lookup.refreshedAfter(refusal(400), held)).get().extracting(Algorithm::pk).isEqualTo("id-2");
        assertThat(lookup.get("lobes").pk()).as("the fresh one is kept").isEqualTo("id-2");
        assertThat(lookup.refreshedAfter(refusal(404), lookup.get("lobes"))).as("same id: the failure is real")
                .isEmpty();
    }

    @Test
    void otherFailuresAndTheCreditsRefusalLeaveTheAlgorithmAlone() {
        Algorithm held = lookup.get("lobes");
        platformId.set("id-2");

        assertThat(lookup.refreshedAfter(refusal(500), held)).isEmpty();
        assertThat(lookup.refreshedAfter(refusal(403), held)).isEmpty();
        assertThat(lookup.refreshedAfter(new GrandChallengeOutOfCreditsException("lobes", Instant.EPOCH,
                Instant.EPOCH, List.of("out of credits"), true), held)).isEmpty();
        assertThat(lookups).as("no lookup for failures that do not mean a stale id").hasValue(1);
    }

    private static GrandChallengeApiException refusal(int status) {
        return new GrandChallengeApiException("GET", "/algorithms/jobs/", status,
                List.of("algorithm_image__algorithm: Select a valid choice."));
    }

    private static Algorithm algorithm(String slug, String pk) {
        return new Algorithm(pk, slug, slug, null, null, null, null, List.of(), null, null);
    }
}
