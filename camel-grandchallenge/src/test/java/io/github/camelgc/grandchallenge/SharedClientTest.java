package io.github.camelgc.grandchallenge;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints with equal connection settings share one client (one connection pool); others get their own. TLS
 * parameters compare by identity, the token by value, and the settings never print the token.
 */
class SharedClientTest extends CamelTestSupport {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void endpointsShareClientsByConnectionSettings() {
        GrandChallengeEndpoint jobs = context.getEndpoint("grandchallenge:job?algorithm=a", GrandChallengeEndpoint.class);
        GrandChallengeEndpoint images = context.getEndpoint("grandchallenge:image", GrandChallengeEndpoint.class);
        GrandChallengeEndpoint slow = context.getEndpoint("grandchallenge:image?responseTimeout=1000",
                GrandChallengeEndpoint.class);
        GrandChallengeEndpoint sameSlow = context.getEndpoint("grandchallenge:archive?responseTimeout=1s",
                GrandChallengeEndpoint.class);

        assertThat(jobs.client()).isSameAs(images.client());
        assertThat(slow.client()).isNotSameAs(jobs.client()).isSameAs(sameSlow.client());
    }

    @Test
    void tlsParametersCompareByIdentityAndTokensByValue() {
        SSLContextParameters trust = new SSLContextParameters();
        context.getRegistry().bind("trust", trust);
        context.getRegistry().bind("otherTrust", new SSLContextParameters());
        GrandChallengeEndpoint a = context.getEndpoint("grandchallenge:job?sslContextParameters=#trust&token=" + TOKEN,
                GrandChallengeEndpoint.class);
        GrandChallengeEndpoint b = context.getEndpoint("grandchallenge:image?sslContextParameters=#trust&token=" + TOKEN,
                GrandChallengeEndpoint.class);
        GrandChallengeEndpoint other = context.getEndpoint("grandchallenge:archive?sslContextParameters=#otherTrust"
                                                           + "&token=" + TOKEN, GrandChallengeEndpoint.class);
        GrandChallengeEndpoint otherUser = context.getEndpoint("grandchallenge:algorithm?sslContextParameters=#trust"
                                                               + "&token=" + "ab".repeat(32), GrandChallengeEndpoint.class);

        assertThat(a.getConfiguration().clientSettings()).isEqualTo(b.getConfiguration().clientSettings())
                .isNotEqualTo(other.getConfiguration().clientSettings())
                .isNotEqualTo(otherUser.getConfiguration().clientSettings());
        assertThat(a.client()).isSameAs(b.client()).isNotSameAs(other.client()).isNotSameAs(otherUser.client());
        assertThat(a.getConfiguration().clientSettings().toString()).doesNotContain(TOKEN).contains("****");
    }
}
