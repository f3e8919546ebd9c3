package io.github.camelgc.grandchallenge.consumer;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.state.JsonState;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared machinery of the polling consumers: the saved position (offset repository), what was emitted (idempotent
 * repository), an in-flight set so an object is never emitted twice while its exchange runs, and recording an object
 * only when its exchange completed.
 */
abstract class AbstractGrandChallengeConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractGrandChallengeConsumer.class);

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private JsonState positions;
    private IdempotentRepository emitted;

    AbstractGrandChallengeConsumer(GrandChallengeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public GrandChallengeEndpoint getEndpoint() {
        return (GrandChallengeEndpoint) super.getEndpoint();
    }

    /** The slug this consumer follows (algorithm or archive). */
    abstract String followedSlug();

    /**
     * The key of this consumer's position: what it follows and on which platform, so two routes following different
     * algorithms or servers never share state.
     */
    String positionKey() {
        return getEndpoint().getKind() + "|" + getEndpoint().getConfiguration().getBaseUrl() + "|" + followedSlug();
    }

    /** The saved positions (opened on first use, inside poll, so failures reach the poll exception handler). */
    JsonState positions() {
        if (positions == null) {
            positions = new JsonState(getEndpoint().offsetRepository());
            emitted = getEndpoint().idempotentRepositoryFor(getEndpoint().getKind(), followedSlug());
        }
        return positions;
    }

    /** Whether an object was already emitted and completed. */
    boolean isHandled(String key) {
        positions();
        return emitted.contains(key);
    }

    /** Records an object as handled without emitting it (first-start baseline). */
    void markHandled(String key) {
        positions();
        emitted.add(key);
        emitted.confirm(key);
    }

    /** Whether an object is being processed right now. */
    boolean isInFlight(String key) {
        return inFlight.contains(key);
    }

    /** Prepares an exchange for an object: in-flight until done, recorded only on success. */
    void track(Exchange exchange, String key) {
        track(exchange, key, () -> {
        });
    }

    /** As {@link #track(Exchange, String)}, running {@code handled} once the object was recorded. */
    void track(Exchange exchange, String key, Runnable handled) {
        inFlight.add(key);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                markHandled(key);
                inFlight.remove(key);
                handled.run();
            }

            @Override
            public void onFailure(Exchange failed) {
                inFlight.remove(key);
                if (failed.getException() instanceof GrandChallengeOutOfCreditsException) {
                    // said once, when the algorithm ran out; the object waits like every other submission to it
                    LOG.debug("{} waits for credits; it will be emitted again on a later poll", key);
                } else {
                    LOG.warn("Processing {} failed; it will be emitted again on a later poll", key);
                }
            }
        });
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing " + exchange, exchange, exchange.getException());
            }
        }
        return total;
    }

    @Override
    protected void doStop() throws Exception {
        inFlight.clear();
        super.doStop();
    }
}
