package io.github.camelgc.grandchallenge.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelgc.grandchallenge.LogCapture;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry strategy decides from {@link RetryRules} and {@link RetryLimits}, with a fixed clock. */
class RequestRetryStrategyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final URI URI = java.net.URI.create("https://gc.example.org/api/v1/algorithms/?slug=x&X-Amz=sig");

    private final RequestRetryStrategy strategy = new RequestRetryStrategy(
            new RetryLimits(3, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The WARN line of every retry, kept off the console. */
    private LogCapture log;

    @BeforeEach
    void captureRetryLog() {
        log = LogCapture.of(Level.WARN, RequestRetryStrategy.class.getName());
    }

    @AfterEach
    void restoreLog() {
        log.close();
    }

    private static HttpClientContext call(String method, boolean idempotent, Instant started) {
        HttpClientContext context = HttpClientContext.create();
        CallContext.attach(context, new CallContext(CallContext.describe(method, URI), idempotent, false, started));
        return context;
    }

    private static BasicClassicHttpResponse answer(int status, String retryAfter) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        return response;
    }

    /** The delay of the retry after {@code attempt} failed attempts answered {@code status}, or null if none. */
    private Duration afterStatus(String method, boolean idempotent, int status, String retryAfter, int attempt) {
        HttpClientContext context = call(method, idempotent, NOW);
        BasicClassicHttpResponse response = answer(status, retryAfter);
        return strategy.retryRequest(response, attempt, context)
                ? strategy.getRetryInterval(response, attempt, context).toDuration() : null;
    }

    private Duration afterFailure(String method, boolean idempotent, IOException failure, int attempt) {
        HttpClientContext context = call(method, idempotent, NOW);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, URI);
        return strategy.retryRequest(request, failure, attempt, context)
                ? strategy.getRetryInterval(request, failure, attempt, context).toDuration() : null;
    }

    @Test
    void retriesTransientStatusesOfIdempotentRequestsButNotServerErrorsOrClientErrors() {
        for (int status : new int[] { 408, 429, 502, 503, 504, 507 }) {
            assertThat(afterStatus("GET", true, status, null, 1)).as("GET answered " + status)
                    .isEqualTo(Duration.ofMillis(100));
        }
        for (int status : new int[] { 400, 401, 403, 404, 409, 500, 501 }) {
            assertThat(afterStatus("GET", true, status, null, 1)).as("GET answered " + status).isNull();
        }
    }

    @Test
    void repeatsAPostOnlyWhereTheServerRefusedBeforeActing() {
        assertThat(afterStatus("POST", false, 429, null, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(afterStatus("POST", false, 503, null, 1)).isEqualTo(Duration.ofMillis(100));
        for (int status : new int[] { 408, 500, 502, 504, 507 }) {
            assertThat(afterStatus("POST", false, status, null, 1)).as("the server may have acted on the POST: "
                                                                       + status).isNull();
        }
    }

    @Test
    void backsOffExponentiallyAndStopsAfterMaxRetries() {
        assertThat(afterStatus("GET", true, 503, null, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(afterStatus("GET", true, 503, null, 2)).isEqualTo(Duration.ofMillis(200));
        assertThat(afterStatus("GET", true, 503, null, 3)).isEqualTo(Duration.ofMillis(400));
        assertThat(afterStatus("GET", true, 503, null, 4)).as("3 retries = 4 attempts").isNull();
    }

    @Test
    void honoursRetryAfterSecondsAndDatesButCapsThem() {
        assertThat(afterStatus("GET", true, 429, "2", 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(afterStatus("GET", true, 429, "3600", 1)).as("capped by maxDelay").isEqualTo(Duration.ofSeconds(5));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atZone(ZoneOffset.UTC));
        assertThat(afterStatus("GET", true, 503, date, 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(afterStatus("GET", true, 503, "garbage", 1)).as("the backoff instead").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void neverRetriesPastTheDeadlineCountedFromTheFirstAttempt() {
        HttpClientContext late = call("GET", true, NOW.minusSeconds(29));
        assertThat(strategy.retryRequest(answer(503, "4"), 1, late)).isFalse();
        HttpClientContext early = call("GET", true, NOW.minusSeconds(20));
        assertThat(strategy.retryRequest(answer(503, "4"), 1, early)).isTrue();
    }

    @Test
    void permanentIoFailuresAreNeverRetried() {
        assertThat(afterFailure("GET", true, new UnknownHostException("no-such-host.invalid"), 1)).isNull();
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path"));
        assertThat(afterFailure("GET", true, untrusted, 1)).isNull();
    }

    @Test
    void aRefusedConnectionGetsAShortBoundedRetryForAnyMethod() {
        ConnectException refused = new ConnectException("Connection refused");
        assertThat(afterFailure("POST", false, refused, 1)).as("nothing was sent").isEqualTo(Duration.ofMillis(100));
        assertThat(afterFailure("GET", true, refused, 2)).isEqualTo(Duration.ofMillis(200));
        assertThat(afterFailure("GET", true, refused, RetryRules.CONNECT_ATTEMPTS)).isNull();

        RequestRetryStrategy slow = new RequestRetryStrategy(
                new RetryLimits(8, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        HttpClientContext context = call("GET", true, NOW);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", URI);
        assertThat(slow.retryRequest(request, refused, 1, context)).isTrue();
        assertThat(slow.getRetryInterval(request, refused, 1, context).toDuration())
                .isEqualTo(Duration.ofMillis(RetryRules.CONNECT_MAX_DELAY_MILLIS));
    }

    @Test
    void aBrokenExchangeIsRetriedForIdempotentRequestsOnly() {
        for (IOException broken : new IOException[] { new NoHttpResponseException("no answer"),
                new SocketException("Connection reset"), new SocketTimeoutException("Read timed out") }) {
            assertThat(afterFailure("GET", true, broken, 1)).as(broken.toString()).isEqualTo(Duration.ofMillis(100));
            assertThat(afterFailure("POST", false, broken, 1)).as("POST after " + broken).isNull();
        }
    }

    @Test
    void aRequestWithoutCallContextIsJudgedByItsMethod() {
        BasicClassicHttpRequest post = new BasicClassicHttpRequest("POST", URI);
        assertThat(strategy.retryRequest(post, new NoHttpResponseException("x"), 1, HttpClientContext.create()))
                .isFalse();
        BasicClassicHttpRequest get = new BasicClassicHttpRequest("GET", URI);
        assertThat(strategy.retryRequest(get, new NoHttpResponseException("x"), 1, HttpClientContext.create()))
                .isTrue();
    }

    @Test
    void everyRetryIsLoggedAtWarnWithTheCallWithoutItsQueryTheFailureTheAttemptAndTheDelay() {
        afterStatus("GET", true, 503, null, 1);
        afterFailure("PUT", true, new SocketException("Connection reset"), 2);
        assertThat(log.text())
                .contains("WARN GET https://gc.example.org/api/v1/algorithms/ answered HTTP 503; attempt 1 of 4 "
                          + "failed, next in 100 ms")
                .contains("WARN PUT https://gc.example.org/api/v1/algorithms/ failed with SocketException: "
                          + "Connection reset; attempt 2 of 4 failed, next in 200 ms")
                .doesNotContain("X-Amz").doesNotContain("slug=");
    }

    @Test
    void exceptionsAnswerIsRetryableFromTheSameTable() {
        assertThat(new GrandChallengeApiException("GET", "/x", 503, java.util.List.of()).isRetryable()).isTrue();
        assertThat(new GrandChallengeApiException("GET", "/x", 500, java.util.List.of()).isRetryable())
                .as("500: not repeated at once, but worth a later retry").isTrue();
        assertThat(new GrandChallengeApiException("GET", "/x", 404, java.util.List.of()).isRetryable()).isFalse();
        assertThat(new GrandChallengeIoException("x", new ConnectException("refused")).isRetryable()).isTrue();
        assertThat(new GrandChallengeIoException("x", new ConnectException("refused")).isConnectFailure()).isTrue();
        assertThat(new GrandChallengeIoException("x", new UnknownHostException("h")).isRetryable()).isFalse();
        assertThat(new GrandChallengeIoException("x", new SSLHandshakeException("PKIX")).isRetryable()).isFalse();
        assertThat(new GrandChallengeIoException("x", new NoHttpResponseException("x")).isConnectFailure()).isFalse();
        assertThat(new GrandChallengeException("bad input").isRetryable()).isFalse();
        assertThat(new io.github.camelgc.grandchallenge.client.upload.GrandChallengeUploadException("upload failed",
                new GrandChallengeApiException("PUT", "/storage/x", 503, java.util.List.of())).isRetryable()).isTrue();
        assertThat(new io.github.camelgc.grandchallenge.client.upload.GrandChallengeUploadException("upload failed",
                new java.nio.file.NoSuchFileException("scan.mha")).isRetryable()).as("a local file problem").isFalse();
    }
}
