package io.github.camelgc.grandchallenge.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.inputs.BodyInputs;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;
import io.github.camelgc.grandchallenge.inputs.PreparedInput;
import io.github.camelgc.grandchallenge.inputs.SocketValuePayloads;
import io.github.camelgc.grandchallenge.inputs.TempFiles;
import io.github.camelgc.grandchallenge.model.Archive;
import io.github.camelgc.grandchallenge.model.ArchiveItem;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Socket;
import org.apache.camel.Exchange;

/**
 * The operations of {@code grandchallenge:archive}. {@code addCase} validates and uploads everything before it
 * creates the item, so a failure never leaves an empty item behind (a gcapi gap).
 */
final class ArchiveOperations {

    private final GrandChallengeEndpoint endpoint;
    private final GrandChallengeConfiguration configuration;

    ArchiveOperations(GrandChallengeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    void run(GrandChallengeOperations operation, Exchange exchange) throws Exception {
        switch (operation) {
            case get -> exchange.getMessage().setBody(archive(exchange));
            case listImages -> listImages(exchange);
            case listItems -> listItems(exchange);
            case addCase -> addCase(exchange);
            case updateItem -> updateItem(exchange);
            default -> throw new IllegalArgumentException("Unsupported archive operation " + operation);
        }
    }

    private void listImages(Exchange exchange) {
        List<Image> images = new ArrayList<>();
        client().images(Map.of("archive", archive(exchange).pk())).forEachRemaining(images::add);
        exchange.getMessage().setBody(images);
    }

    private void listItems(Exchange exchange) {
        List<ArchiveItem> items = new ArrayList<>();
        client().archiveItems(archive(exchange).pk()).forEachRemaining(items::add);
        exchange.getMessage().setBody(items);
    }

    private void addCase(Exchange exchange) throws Exception {
        Archive archive = archive(exchange);
        String title = exchange.getMessage().getHeader(GrandChallengeConstants.TITLE, String.class);
        try (TempFiles temp = new TempFiles()) {
            ArrayNode values = prepare(exchange, temp);
            ArchiveItem created = client().createArchiveItem(archive.apiUrl(), title);
            reply(exchange, client().updateArchiveItem(created.pk(), values, null));
        }
    }

    private void updateItem(Exchange exchange) throws Exception {
        String itemId = exchange.getMessage().getHeader(GrandChallengeConstants.ARCHIVE_ITEM_ID, String.class);
        if (itemId == null) {
            throw new IllegalArgumentException("updateItem needs the " + GrandChallengeConstants.ARCHIVE_ITEM_ID
                                               + " header (the archive item's id)");
        }
        String title = exchange.getMessage().getHeader(GrandChallengeConstants.TITLE, String.class);
        try (TempFiles temp = new TempFiles()) {
            reply(exchange, client().updateArchiveItem(itemId, prepare(exchange, temp), title));
        }
    }

    /** Resolves the sockets by slug, validates every value, then uploads. */
    private ArrayNode prepare(Exchange exchange, TempFiles temp) {
        Map<String, Object> values = BodyInputs.read(exchange, () -> singleInput(), temp);
        List<PreparedInput> inputs = SocketValuePayloads.validate(values, this::socket);
        return SocketValuePayloads.build(inputs,
                client().withUploadProgress(endpoint.getConfiguration().getUploadProgressListener()), temp);
    }

    private Socket socket(String slug) {
        try {
            return client().socket(slug);
        } catch (GrandChallengeNotFoundException e) {
            throw new GrandChallengeInputException("'" + slug + "' is not an existing socket; see "
                                                   + client().resolve("components/interfaces/") + " for the list", e);
        }
    }

    private String singleInput() {
        if (configuration.getInput() == null) {
            throw new GrandChallengeInputException("A single-value body needs the 'input' option (the socket slug), "
                                                   + "e.g. generic-medical-image; or send a Map of socket slug to value");
        }
        return configuration.getInput();
    }

    private Archive archive(Exchange exchange) {
        String slug = exchange.getMessage().getHeader(GrandChallengeConstants.ARCHIVE, configuration.getArchive(),
                String.class);
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("No archive: set the 'archive' option or the "
                                               + GrandChallengeConstants.ARCHIVE + " header");
        }
        return client().archive(slug);
    }

    private static void reply(Exchange exchange, ArchiveItem item) {
        exchange.getMessage().setBody(item);
        exchange.getMessage().setHeader(GrandChallengeConstants.ARCHIVE_ITEM_ID, item.pk());
    }

    private GrandChallengeClient client() {
        return endpoint.client();
    }
}
