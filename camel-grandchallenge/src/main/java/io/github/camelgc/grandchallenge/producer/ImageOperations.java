package io.github.camelgc.grandchallenge.producer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.outputs.OutputFolderWriter;
import io.github.camelgc.grandchallenge.outputs.OutputItem;
import io.github.camelgc.grandchallenge.outputs.OutputItems;
import io.github.camelgc.grandchallenge.outputs.OutputNaming;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The operations of {@code grandchallenge:image}: get and download. */
final class ImageOperations {

    private final GrandChallengeEndpoint endpoint;
    private final GrandChallengeConfiguration configuration;

    ImageOperations(GrandChallengeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    void run(GrandChallengeOperations operation, Exchange exchange) {
        Image image = endpoint.client().image(imageRef(exchange));
        exchange.getMessage().setHeader(GrandChallengeConstants.IMAGE_ID, image.pk());
        switch (operation) {
            case get -> exchange.getMessage().setBody(image);
            case download -> download(exchange, image);
            default -> throw new IllegalArgumentException("Unsupported image operation " + operation);
        }
    }

    private void download(Exchange exchange, Image image) {
        List<OutputItem> items = OutputItems.ofImage(endpoint.client(), image, configuration.getImageType(), null);
        if (configuration.getOutputDirectory() != null) {
            OutputNaming naming = configuration.outputNaming().overriddenBy(
                    exchange.getMessage().getHeader(GrandChallengeConstants.OUTPUT_FILE_NAME, String.class));
            String input = exchange.getMessage().getHeader(GrandChallengeConstants.INPUT_NAME, image.name(), String.class);
            exchange.getMessage().setBody(new OutputFolderWriter(Path.of(configuration.getOutputDirectory()), naming)
                    .write(items, new OutputNaming.Values(null, () -> input, image.pk())));
        } else {
            List<Message> messages = new ArrayList<>();
            items.forEach(item -> messages.add(item.toMessage(exchange.getContext(), null)));
            exchange.getMessage().setBody(messages);
        }
    }

    private static String imageRef(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Image image) {
            return image.apiUrl() != null ? image.apiUrl() : image.pk();
        }
        String header = exchange.getMessage().getHeader(GrandChallengeConstants.IMAGE_ID, String.class);
        if (header != null) {
            return header;
        }
        if (body instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        throw new IllegalArgumentException("No image: send an Image body, an image id or API URL as body, or set the "
                                           + GrandChallengeConstants.IMAGE_ID + " header");
    }
}
