package io.github.camelgc.grandchallenge.it;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.LogCapture;
import io.github.camelgc.grandchallenge.client.ApiToken;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.client.HttpClientConfigurer;
import io.github.camelgc.grandchallenge.client.RequestRetryStrategy;
import io.github.camelgc.grandchallenge.client.RetryLimits;
import io.github.camelgc.grandchallenge.client.RetryRules;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Permanent errors fail at once instead of being retried for a minute: an untrusted certificate and an unknown host
 * after one attempt, a refused connection after a short bounded retry. Attempts are counted by an
 * {@link HttpClientConfigurer} placing a counter inside HttpClient's retry element (so it sees every attempt).
 */
class FailFastIT {

    @RegisterExtension
    static final GrandChallengeEmulatorExtension GC = GrandChallengeEmulatorExtension.builder().build();

    /** Generous retry limits: whatever fails fast below does so because of the rules, not the limits. */
    private static final RetryLimits PATIENT = new RetryLimits(8, Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    private final AtomicInteger attempts = new AtomicInteger();
    private final HttpClientConfigurer counting = builder -> builder.addExecInterceptorAfter(ChainElement.RETRY.name(),
            "count-attempts", (request, scope, chain) -> {
                attempts.incrementAndGet();
                return chain.proceed(request, scope);
            });
    private LogCapture retries;

    @BeforeEach
    void captureRetries() {
        retries = LogCapture.of(Level.WARN, RequestRetryStrategy.class.getName());
    }

    @AfterEach
    void restoreLog() {
        retries.close();
    }

    private GrandChallengeClient client(String baseUrl, Consumer<ClientSettings.Builder> options) {
        ClientSettings.Builder settings = ClientSettings.builder(URI.create(baseUrl)).token(ApiToken.of(GC.token("demo")))
                .retry(PATIENT).httpClientConfigurer(counting);
        options.accept(settings);
        return new GrandChallengeClient(settings.build());
    }

    private static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void anUntrustedCertificateFailsAfterOneAttemptWithinASecond() throws Exception {
        try (GrandChallengeClient client = client(GC.baseUrl(), settings -> { })) {
            Duration took = timed(() -> assertThatThrownBy(() -> client.algorithm("pulmonary-lobe-segmentation"))
                    .isInstanceOfSatisfying(GrandChallengeIoException.class,
                            e -> assertThat(e.isRetryable()).as("retryable").isFalse())
                    .hasCauseInstanceOf(SSLHandshakeException.class));
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(attempts).hasValue(1);
        assertThat(retries.text()).isEmpty();
    }

    @Test
    void anUnknownHostFailsAfterOneAttempt() throws Exception {
        try (GrandChallengeClient client = client("https://no-such-host.invalid/api/v1/", settings -> { })) {
            Duration took = timed(() -> assertThatThrownBy(() -> client.algorithm("pulmonary-lobe-segmentation"))
                    .isInstanceOfSatisfying(GrandChallengeIoException.class,
                            e -> assertThat(e.isRetryable()).as("retryable").isFalse())
                    .hasRootCauseInstanceOf(UnknownHostException.class));
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(attempts).hasValue(1);
        assertThat(retries.text()).isEmpty();
    }

    @Test
    void aRefusedConnectionGivesUpAfterAShortBoundedRetryForReadsAndPosts() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (GrandChallengeClient client = client("https://127.0.0.1:" + closed + "/api/v1/", settings -> { })) {
            Duration read = timed(() -> assertThatThrownBy(() -> client.algorithm("pulmonary-lobe-segmentation"))
                    .isInstanceOfSatisfying(GrandChallengeIoException.class, e -> {
                        assertThat(e.isRetryable()).as("retryable later").isTrue();
                        assertThat(e.isConnectFailure()).isTrue();
                    })
                    .hasMessageContaining("after " + RetryRules.CONNECT_ATTEMPTS + " attempts"));
            assertThat(read).isLessThan(Duration.ofSeconds(3));
            assertThat(attempts).hasValue(RetryRules.CONNECT_ATTEMPTS);

            attempts.set(0);
            // nothing reached the server, so even a POST is safe to repeat
            assertThatThrownBy(() -> client.createJob("https://127.0.0.1/api/v1/algorithms/x/",
                    io.github.camelgc.grandchallenge.client.Json.mapper().createArrayNode()))
                    .isInstanceOf(GrandChallengeIoException.class);
            assertThat(attempts).hasValue(RetryRules.CONNECT_ATTEMPTS);
        }
        assertThat(retries.text()).contains("attempt 1 of 3 failed").contains("attempt 2 of 3 failed")
                .doesNotContain("attempt 3 of");
    }
}
