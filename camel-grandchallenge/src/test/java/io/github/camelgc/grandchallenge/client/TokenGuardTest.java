package io.github.camelgc.grandchallenge.client;

import java.net.URI;

import io.github.camelgc.grandchallenge.LogCapture;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token leaves only for the API origin, and the header log never shows it. */
class TokenGuardTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final TokenGuard guard = new TokenGuard(URI.create("https://gc.example.org/api/v1/"));

    private static BasicClassicHttpRequest authorized(String uri) {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", URI.create(uri));
        request.setHeader("Authorization", "Bearer " + TOKEN);
        return request;
    }

    @Test
    void keepsTheTokenForTheApiOriginOnly() {
        BasicClassicHttpRequest api = authorized("https://GC.example.org:443/api/v1/algorithms/");
        guard.process(api, null, HttpClientContext.create());
        assertThat(api.containsHeader("Authorization")).isTrue();

        try (LogCapture log = LogCapture.of(Level.WARN, TokenGuard.class.getName())) {
            for (String elsewhere : new String[] { "https://storage.example.org/bucket/x", "http://gc.example.org/api/v1/",
                    "https://gc.example.org:8443/api/v1/" }) {
                BasicClassicHttpRequest request = authorized(elsewhere);
                guard.process(request, null, HttpClientContext.create());
                assertThat(request.containsHeader("Authorization")).as(elsewhere).isFalse();
            }
            assertThat(log.text()).contains("Removed the API token").doesNotContain(TOKEN);
        }
    }

    @Test
    void theHeaderLogMasksCredentialsButKeepsTheirScheme() {
        assertThat(TokenSafeConnections.masked(new BasicHeader("Authorization", "Bearer " + TOKEN)))
                .isEqualTo("Authorization: Bearer ****");
        assertThat(TokenSafeConnections.masked(new BasicHeader("authorization", TOKEN))).isEqualTo("authorization: ****");
        assertThat(TokenSafeConnections.masked(new BasicHeader("Accept", "application/json")))
                .isEqualTo("Accept: application/json");
    }
}
