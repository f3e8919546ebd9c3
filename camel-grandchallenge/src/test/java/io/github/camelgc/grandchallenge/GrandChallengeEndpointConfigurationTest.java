package io.github.camelgc.grandchallenge;

import org.apache.camel.ResolveEndpointFailedException;
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
