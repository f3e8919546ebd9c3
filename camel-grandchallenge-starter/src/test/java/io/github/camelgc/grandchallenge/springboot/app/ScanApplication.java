package io.github.camelgc.grandchallenge.springboot.app;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * A user's Spring Boot application: routes only, no Java configuration of the component (that comes from
 * {@code application.properties}). Scans dropped into the inbox are submitted; a job consumer collects the results
 * into the outbox.
 */
@SpringBootApplication
public class ScanApplication {

    /** Referenced from the properties as {@code #progress}. */
    @Bean
    public UploadedBytes progress() {
        return new UploadedBytes();
    }

    /** Remembers the largest upload progress it was told. */
    public static class UploadedBytes implements UploadProgressListener {
        public final AtomicLong bytes = new AtomicLong();

        @Override
        public void onProgress(String fileName, long uploadedBytes, long totalBytes) {
            bytes.accumulateAndGet(uploadedBytes, Math::max);
        }
    }

    @Component
    public static class ScanRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("file:{{scans.inbox}}?move=.done").routeId("submit-scans")
                    .to("grandchallenge:job?algorithm=pulmonary-lobe-segmentation");
            from("grandchallenge:job?algorithm=pulmonary-lobe-segmentation&delay=200ms&initialDelay=0")
                    .routeId("collect-results")
                    .to("grandchallenge:job?operation=downloadOutputs&outputDirectory={{scans.outbox}}");
        }
    }
}
