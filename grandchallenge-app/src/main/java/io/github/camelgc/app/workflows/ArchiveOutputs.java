package io.github.camelgc.app.workflows;

import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.SocketValue;
import org.apache.camel.Exchange;

/**
 * The tutorial's input ↔ output mapping for jobs run on archive images: from a finished job, the (sanitised) name
 * and id of its input image and the API URLs of its output images, as exchange properties the route names files by.
 */
public class ArchiveOutputs {

    /** Exchange property: the input image's name without extension, safe as a file name. */
    public static final String INPUT_STEM = "gcInputStem";
    /** Exchange property: the input image's id (uuid). */
    public static final String INPUT_IMAGE_ID = "gcInputImageId";
    /** Exchange property prefix: {@code gcOutput.<socket slug>} = the output image's API URL. */
    public static final String OUTPUT_PREFIX = "gcOutput.";

    /** Reads the finished job in the body and sets the naming properties. */
    public void prepare(Exchange exchange) {
        Job job = exchange.getMessage().getBody(Job.class);
        SocketValue input = job.inputs().stream().filter(v -> v.image() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Job " + job.pk() + " has no image input"));
        String imageId = lastSegment(input.image());
        @SuppressWarnings("unchecked")
        List<String> names = exchange.getMessage().getHeader(GrandChallengeConstants.INPUT_NAMES, List.class);
        String name = names == null || names.isEmpty() ? imageId : names.get(0);
        exchange.setProperty(INPUT_STEM, SafeNames.segment(SafeNames.stem(name), imageId));
        exchange.setProperty(INPUT_IMAGE_ID, SafeNames.segment(imageId, "image"));
        for (SocketValue output : job.outputs()) {
            if (output.image() != null && output.slug() != null) {
                exchange.setProperty(OUTPUT_PREFIX + output.slug(), output.image());
            }
        }
    }

    /** The last path segment of an API URL ({@code .../cases/images/<uuid>/} → {@code <uuid>}). */
    static String lastSegment(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
