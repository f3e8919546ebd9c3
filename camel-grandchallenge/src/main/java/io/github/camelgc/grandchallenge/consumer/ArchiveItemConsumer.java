package io.github.camelgc.grandchallenge.consumer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedList;
import java.util.Queue;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.model.Archive;
import io.github.camelgc.grandchallenge.model.ArchiveItem;
import io.github.camelgc.grandchallenge.model.SocketValue;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Emits each new archive item once it has at least one value, exactly once, so a route can run an algorithm on
 * everything that lands in an archive. Archive items have no defined order on the platform, so unlike the job
 * consumer every poll lists the archive's items (pages of up to 1000); the idempotent repository decides what is new.
 */
public class ArchiveItemConsumer extends AbstractGrandChallengeConsumer {

    private Archive archive;

    public ArchiveItemConsumer(GrandChallengeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getEndpoint().getConfiguration().getArchive() == null) {
            throw new IllegalArgumentException("The grandchallenge:archive consumer needs the 'archive' option");
        }
    }

    @Override
    String followedSlug() {
        return getEndpoint().getConfiguration().getArchive();
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        GrandChallengeClient client = getEndpoint().client();
        if (archive == null) {
            archive = client.archive(getEndpoint().getConfiguration().getArchive());
        }
        // the position only records that the first start is done (items have no order to keep an offset in)
        boolean initialized = PollPosition.load(positions(), positionKey())
                .filter(p -> archive.pk().equals(p.followed())).isPresent();
        boolean baseline = !initialized && !getEndpoint().getConfiguration().isIncludeExisting();
        // every page is read before any item becomes an exchange (and in flight): a poll that fails on a later page
        // must not leave items marked in flight that are never processed
        List<ArchiveItem> fresh = new ArrayList<>();
        try {
            Iterator<ArchiveItem> items = client.archiveItems(archive.pk());
            while (items.hasNext()) {
                ArchiveItem item = items.next();
                if (item.values().isEmpty() || isHandled(item.pk()) || isInFlight(item.pk())) {
                    continue;
                }
                if (baseline) {
                    markHandled(item.pk());
                } else if (maxMessagesPerPoll <= 0 || fresh.size() < maxMessagesPerPoll) {
                    fresh.add(item);
                }
            }
        } catch (GrandChallengeApiException e) {
            if (e.getStatusCode() == 400 || e.getStatusCode() == 404) {
                archive = null; // the platform no longer knows the archive id we hold: look the slug up again
            }
            throw e;
        }
        if (!initialized) {
            PollPosition.start(archive.pk()).save(positions(), positionKey());
        }
        Queue<Object> exchanges = new LinkedList<>();
        fresh.forEach(item -> exchanges.add(createExchange(item)));
        forceConsumerAsReady();
        return processBatch(exchanges);
    }

    private Exchange createExchange(ArchiveItem item) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(item);
        message.setHeader(GrandChallengeConstants.ARCHIVE_ITEM_ID, item.pk());
        message.setHeader(GrandChallengeConstants.ARCHIVE, getEndpoint().getConfiguration().getArchive());
        item.values().stream().map(SocketValue::image).filter(i -> i != null).findFirst()
                .ifPresent(image -> message.setHeader(GrandChallengeConstants.IMAGE_ID, image));
        track(exchange, item.pk());
        return exchange;
    }
}
