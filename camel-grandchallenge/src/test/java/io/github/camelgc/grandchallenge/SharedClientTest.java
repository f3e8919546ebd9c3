package io.github.camelgc.grandchallenge;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoints with equal connection settings share one client (one connection pool); others get their own. */
class SharedClientTest extends CamelTestSupport {

    @Test
    void endpointsShareClientsByConnectionSettings() {
        GrandChallengeEndpoint jobs = context.getEndpoint("grandchallenge:job?algorithm=a", GrandChallengeEndpoint.class);
        GrandChallengeEndpoint images = context.getEndpoint("grandchallenge:image", GrandChallengeEndpoint.class);
        GrandChallengeEndpoint slow = context.getEndpoint("grandchallenge:image?responseTimeout=1000",
                GrandChallengeEndpoint.class);

        assertThat(jobs.client()).isSameAs(images.client());
        assertThat(slow.client()).isNotSameAs(jobs.client());
    }
}
