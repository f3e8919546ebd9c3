package io.github.camelgc.grandchallenge;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.grandchallenge.client.ClientSettings;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.HttpClientConfigurer;
import io.github.camelgc.grandchallenge.client.Json;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Option binding through the generated configurers, without any HTTP traffic. */
class GrandChallengeEndpointConfigurationTest extends CamelTestSupport {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void endpointOptionsOverrideComponentDefaultsWithoutLeakingBack() {
        GrandChallengeComponent component = context.getComponent("grandchallenge", GrandChallengeComponent.class);
        component.getConfiguration().setToken(TOKEN);
        component.getConfiguration().setUploadConcurrency(2);

        GrandChallengeEndpoint endpoint = context.getEndpoint(
                "grandchallenge:job?algorithm=lungs&operation=wait&uploadConcurrency=8&input=ct-image",
                GrandChallengeEndpoint.class);

        assertThat(endpoint.getResourceKind()).isEqualTo(GrandChallengeKind.JOB);
        assertThat(endpoint.getConfiguration().getAlgorithm()).isEqualTo("lungs");
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(GrandChallengeOperations.wait);
        assertThat(endpoint.getConfiguration().getUploadConcurrency()).isEqualTo(8);
        assertThat(endpoint.getConfiguration().getToken()).as("inherited from the component").isEqualTo(TOKEN);
        assertThat(component.getConfiguration().getUploadConcurrency()).isEqualTo(2);
        assertThat(endpoint.getConfiguration().getBaseUrl()).isEqualTo("https://grand-challenge.org/api/v1/");
    }

    @Test
    void tokenIsMaskedInUrisAndToStrings() {
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:algorithm?algorithm=a&token=" + TOKEN,
                GrandChallengeEndpoint.class);
        assertThat(endpoint.getConfiguration().getToken()).isEqualTo(TOKEN);
        assertThat(endpoint.toString()).doesNotContain(TOKEN);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(TOKEN);
        // Camel keeps the raw URI as the endpoint's identity; everything it logs, dumps or exposes goes through
        // sanitizeUri, which must mask the option the generated metadata marks as secret.
        assertThat(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(TOKEN);
    }

    @Test
    void timeOptionsAcceptDurationsInEveryCamelForm() {
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:job?algorithm=a&connectTimeout=5s"
                                                              + "&waitTimeout=PT1M&jobTimeout=24h&retryInitialDelay=1500"
                                                              + "&retryDeadline=1m30s&delay=2m", GrandChallengeEndpoint.class);
        GrandChallengeConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
        assertThat(configuration.getWaitTimeout()).isEqualTo(60_000);
        assertThat(configuration.getJobTimeout()).isEqualTo(86_400_000);
        assertThat(configuration.getRetryInitialDelay()).as("plain millis").isEqualTo(1_500);
        assertThat(configuration.getRetryDeadline()).isEqualTo(90_000);
        assertThat(endpoint.getDelay()).isEqualTo(120_000);
        assertThat(configuration.clientSettings().retry().deadline()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void pollingConsumersDefaultTo30sAndBackOffAfterThreeFailedPolls() throws Exception {
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:job?algorithm=a",
                GrandChallengeEndpoint.class);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) endpoint.createConsumer(exchange -> { });
        assertThat(consumer.getDelay()).isEqualTo(30_000);
        assertThat(consumer.getBackoffErrorThreshold()).isEqualTo(3);
        assertThat(consumer.getBackoffMultiplier()).isEqualTo(10);

        GrandChallengeEndpoint tuned = context.getEndpoint("grandchallenge:archive?archive=a&delay=5s"
                                                           + "&backoffErrorThreshold=1&backoffMultiplier=2",
                GrandChallengeEndpoint.class);
        ScheduledPollConsumer faster = (ScheduledPollConsumer) tuned.createConsumer(exchange -> { });
        assertThat(faster.getDelay()).isEqualTo(5_000);
        assertThat(faster.getBackoffErrorThreshold()).isEqualTo(1);
        assertThat(faster.getBackoffMultiplier()).isEqualTo(2);
    }

    /** Every default the generated metadata states is the value an endpoint really starts with. */
    @Test
    void generatedMetadataDefaultsMatchTheRuntime() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelgc/grandchallenge/grandchallenge.json")) {
            properties = Json.mapper().readTree(in).get("properties");
        }
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:job", GrandChallengeEndpoint.class);
        // scheduler options are the consumer's (the endpoint keeps -1 for "Camel's default" in some of them)
        Object consumer = endpoint.createConsumer(exchange -> { });
        GrandChallengeEndpointConfigurer configurer = new GrandChallengeEndpointConfigurer();
        List<String> checked = new ArrayList<>();
        properties.fields().forEachRemaining(option -> {
            JsonNode model = option.getValue();
            if (!model.has("defaultValue") || "path".equals(model.path("kind").asText())) {
                return;
            }
            Object actual = "scheduler".equals(model.path("group").asText())
                    ? property(consumer, option.getKey()).orElseGet(() -> configurer.getOptionValue(endpoint,
                            option.getKey(), false))
                    : configurer.getOptionValue(endpoint, option.getKey(), false);
            JsonNode declared = model.get("defaultValue");
            Object expected = switch (model.path("type").asText()) {
                case "duration" -> TimeUtils.toMilliSeconds(declared.asText());
                case "integer" -> actual instanceof Integer ? (Object) declared.asInt() : (Object) declared.asLong();
                case "boolean" -> declared.asBoolean();
                default -> declared.asText();
            };
            Object normalized = actual instanceof Enum<?> e ? e.name() : actual;
            assertThat(normalized).as("runtime default of " + option.getKey()).isEqualTo(expected);
            checked.add(option.getKey());
        });
        assertThat(checked).contains("delay", "backoffErrorThreshold", "backoffMultiplier", "jobTimeout",
                "connectTimeout", "retryDeadline", "waitTimeout", "activeJobsMaxWait", "maxDownloadSize");
    }

    private static Optional<Object> property(Object bean, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + suffix, "is" + suffix)) {
            try {
                return Optional.ofNullable(bean.getClass().getMethod(getter).invoke(bean));
            } catch (NoSuchMethodException absent) {
                // try the next form
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    @Test
    void anInjectedClientIsUsedAsItIsAndNeverClosedByTheEndpoint() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        GrandChallengeClient mine = new GrandChallengeClient(
                ClientSettings.builder(URI.create("https://gc.example.org/api/v1/")).build()) {
            @Override
            public void close() throws java.io.IOException {
                closed.set(true);
                super.close();
            }
        };
        HttpClientConfigurer configurer = builder -> { };
        context.getRegistry().bind("myClient", mine);
        context.getRegistry().bind("myConfigurer", configurer);

        GrandChallengeEndpoint injected = context.getEndpoint("grandchallenge:algorithm?algorithm=a&client=#myClient",
                GrandChallengeEndpoint.class);
        assertThat(injected.client()).isSameAs(mine);
        GrandChallengeEndpoint configured = context.getEndpoint(
                "grandchallenge:algorithm?algorithm=a&httpClientConfigurer=#myConfigurer", GrandChallengeEndpoint.class);
        assertThat(configured.getConfiguration().clientSettings().httpClientConfigurer()).isSameAs(configurer);
        assertThat(configured.client()).isNotSameAs(mine);

        context.stop();
        assertThat(closed).as("closed by the endpoint").isFalse();
        mine.close();
    }

    @Test
    void theComponentOwnsOneSchedulerWhileItIsStarted() {
        GrandChallengeComponent component = context.getComponent("grandchallenge", GrandChallengeComponent.class);
        ScheduledExecutorService scheduler = component.scheduler();
        assertThat(component.scheduler()).isSameAs(scheduler);
        assertThat(scheduler.isShutdown()).isFalse();
        context.stop();
        assertThat(scheduler.isShutdown()).isTrue();
        assertThatThrownBy(component::scheduler).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownKindIsRejectedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> context.getEndpoint("grandchallenge:jobs?algorithm=a"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("expected one of job, algorithm, archive, image");
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> context.getEndpoint("grandchallenge:job?algorithm=a&baseUrl=http://example.org/api/v1/")
                .createProducer().start())
                .rootCause().hasMessageContaining("plain http").hasMessageContaining("allowInsecureHttp=true");
        assertThat(context.getEndpoint("grandchallenge:job?algorithm=b&allowInsecureHttp=true"
                                       + "&baseUrl=http://example.org/api/v1/"))
                .isNotNull();
    }

    @Test
    void tooSmallPartSizeIsRejectedWithTheMinimum() {
        assertThatThrownBy(() -> context.getEndpoint("grandchallenge:job?algorithm=a&uploadPartSize=1024"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("uploadPartSize must be at least 5 MiB");
    }
}
