package io.github.camelgc.grandchallenge;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel Main properties bind to the component through the generated configurer, and a YAML route with a
 * {@code parameters} map builds its endpoint URI through the generated URI factory (path from {@code kind}).
 */
class CamelMainYamlBindingTest {

    private static final String TOKEN = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    @Test
    void mainPropertiesAndYamlParametersConfigureTheEndpoint() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/submit.camel.yaml");
        main.addInitialProperty("camel.component.grandchallenge.token", TOKEN);
        main.addInitialProperty("camel.component.grandchallenge.base-url", "https://gc.example.org/api/v1/");
        main.addInitialProperty("camel.component.grandchallenge.retry-max-delay", "1234");
        main.addInitialProperty("camel.component.grandchallenge.connect-timeout", "5s");
        main.addInitialProperty("camel.component.grandchallenge.active-jobs-max-wait", "PT2H");
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            GrandChallengeEndpoint endpoint = context.getEndpoints().stream()
                    .filter(GrandChallengeEndpoint.class::isInstance).map(GrandChallengeEndpoint.class::cast)
                    .findFirst().orElseThrow();

            assertThat(endpoint.getResourceKind()).isEqualTo(GrandChallengeKind.JOB);
            GrandChallengeConfiguration configuration = endpoint.getConfiguration();
            assertThat(configuration.getAlgorithm()).isEqualTo("my-algorithm");
            assertThat(configuration.getInput()).isEqualTo("generic-medical-image");
            assertThat(configuration.isWaitForCompletion()).isTrue();
            assertThat(configuration.getUploadConcurrency()).isEqualTo(3);
            assertThat(configuration.getToken()).as("from camel.component.grandchallenge.token").isEqualTo(TOKEN);
            assertThat(configuration.getBaseUrl()).isEqualTo("https://gc.example.org/api/v1/");
            assertThat(configuration.getRetryMaxDelay()).isEqualTo(1234);
            assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
            assertThat(configuration.getActiveJobsMaxWait()).isEqualTo(7_200_000);
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(TOKEN);
        } finally {
            main.stop();
        }
    }
}
