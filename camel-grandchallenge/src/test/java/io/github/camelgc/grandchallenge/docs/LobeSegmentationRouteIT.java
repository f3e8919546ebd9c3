package io.github.camelgc.grandchallenge.docs;

import java.io.File;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class LobeSegmentationRouteIT extends CamelTestSupport {

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return gc.configure(super.createCamelContext());
    }

    @Test
    void segmentsTheLungLobesOfAScan() throws Exception {
        RouteBuilder.addRoutes(context, routes -> routes.from("direct:scan")
                .to("grandchallenge:job?algorithm=pulmonary-lobe-segmentation&waitForCompletion=true&waitPollInterval=100ms"));
        Job job = template.requestBody("direct:scan", new File("src/test/resources/images/image10x10x10.mha"), Job.class);
        assertThat(job.status()).isEqualTo("Succeeded");
        assertThat(job.outputs()).extracting(output -> output.slug()).containsExactly("pulmonary-lobes");
    }
}
