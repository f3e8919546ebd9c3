package io.github.camelgc.grandchallenge;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes decide what to retry with {@code onWhen: ${exception.retryable}} on the component's exceptions. */
class RetryableRoutingTest extends CamelTestSupport {

    private final AtomicInteger attempts = new AtomicInteger();
    private volatile RuntimeException failure;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(GrandChallengeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(2).redeliveryDelay(0).logExhausted(false).logStackTrace(false)
                        .handled(true).to("mock:gaveUpRetrying");
                onException(GrandChallengeException.class)
                        .maximumRedeliveries(0).logExhausted(false).logStackTrace(false)
                        .handled(true).to("mock:permanent");
                from("direct:call").process(exchange -> {
                    attempts.incrementAndGet();
                    throw failure;
                });
            }
        };
    }

    private int attemptsFor(RuntimeException thrown) {
        attempts.set(0);
        failure = thrown;
        template.sendBody("direct:call", "x");
        return attempts.get();
    }

    @Test
    void transientFailuresAreRedeliveredAndPermanentOnesAreNot() throws Exception {
        MockEndpoint retried = getMockEndpoint("mock:gaveUpRetrying");
        MockEndpoint permanent = getMockEndpoint("mock:permanent");
        retried.expectedMessageCount(2);
        permanent.expectedMessageCount(2);

        assertThat(attemptsFor(new GrandChallengeApiException("GET", "/api/v1/algorithms/", 503, List.of())))
                .as("503: the first attempt and two redeliveries").isEqualTo(3);
        assertThat(attemptsFor(new GrandChallengeIoException("GET /api/v1/ failed", new ConnectException("refused"))))
                .isEqualTo(3);
        assertThat(attemptsFor(new GrandChallengeApiException("GET", "/api/v1/algorithms/", 404, List.of())))
                .isEqualTo(1);
        assertThat(attemptsFor(new GrandChallengeException("invalid input"))).isEqualTo(1);

        MockEndpoint.assertIsSatisfied(retried, permanent);
    }
}
