package io.github.camelgc.grandchallenge.producer;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.grandchallenge.client.ApiToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The algorithms a component's accounts are out of credits for: since when, and when to check again. One register
 * per component, shared by its endpoints, keyed by platform, token and algorithm (credits belong to a user on one
 * platform, and are counted per algorithm).
 * <p>
 * In memory on purpose: credits come back by themselves (a job counts against the monthly pool for a month) or by a
 * grant, and the API shows no balance, so a remembered "out" could only delay work. After a restart the first
 * submission finds out again (its upload is then the only one wasted).
 */
public final class OutOfCredits {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfCredits.class);

    /**
     * An algorithm the account cannot run now.
     *
     * @param since     when the platform first refused a job for want of credits
     * @param nextCheck from when the next submission checks whether credits are back (before that, submissions
     *                  fail at once)
     */
    public record Status(URI platform, String algorithm, Instant since, Instant nextCheck) {
    }

    /** Told when an algorithm runs out of credits and when it has credits again (e.g. for alerts or a console). */
    public interface Listener {

        /** The platform refused a job for want of credits, and the algorithm was not known to be out before. */
        default void outOfCredits(Status status) {
        }

        /** A check or a job found credits for an algorithm that was out; {@code was} is the state it left. */
        default void creditsAvailable(Status was) {
        }
    }

    /** What a submission does now. */
    enum Decision {
        /** Not known to be out: go ahead. */
        SUBMIT,
        /** Out, and a check is due: this caller makes it (others wait meanwhile). */
        RECHECK,
        /** Out, and no check is due: fail at once. */
        WAIT
    }

    /** Whose credits: the token takes part in equality but never prints ({@link ApiToken#toString()}). */
    record Key(URI platform, ApiToken token, String algorithm) {
    }

    private static final class Entry {
        private Status status;
        private boolean checking;

        private Entry(Status status) {
            this.status = status;
        }
    }

    private final Clock clock;
    private final Map<Key, Entry> entries = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public OutOfCredits(Clock clock) {
        this.clock = clock;
    }

    /** The state of an algorithm for the user of {@code token} on {@code platform}, when it is out of credits. */
    public synchronized Optional<Status> status(URI platform, ApiToken token, String algorithm) {
        Entry entry = entries.get(new Key(platform, token, algorithm));
        return entry == null ? Optional.empty() : Optional.of(entry.status);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Decides what a submission does; a {@link Decision#RECHECK} must end in {@link #refused}, {@link #available} or
     * {@link #unsettled}.
     */
    synchronized Decision decide(Key key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Decision.SUBMIT;
        }
        if (entry.checking || clock.instant().isBefore(entry.status.nextCheck())) {
            return Decision.WAIT;
        }
        entry.checking = true;
        return Decision.RECHECK;
    }

    /** The state of a key that {@link #decide} found out of credits; empty when credits were found meanwhile. */
    synchronized Optional<Status> current(Key key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.status);
    }

    /** The platform refused for want of credits: out since the first refusal, next check one interval from now. */
    Status refused(Key key, Duration recheckInterval) {
        Status status;
        boolean fresh;
        synchronized (this) {
            Instant now = clock.instant();
            Entry entry = entries.get(key);
            fresh = entry == null;
            if (fresh) {
                entry = new Entry(new Status(key.platform(), key.algorithm(), now, now.plus(recheckInterval)));
                entries.put(key, entry);
            } else {
                entry.status = new Status(key.platform(), key.algorithm(), entry.status.since(),
                        now.plus(recheckInterval));
            }
            entry.checking = false;
            status = entry.status;
        }
        if (fresh) {
            LOG.warn("The account is out of credits for algorithm '{}' at {}: the platform refuses its jobs. Further "
                     + "submissions to it fail at once, without uploading, and one checks again from {} (every {}). "
                     + "Credits renew over a rolling month; the platform or the algorithm's editors can grant more.",
                    key.algorithm(), key.platform(), status.nextCheck(), recheckInterval);
            listeners.forEach(listener -> notify(() -> listener.outOfCredits(status)));
        } else {
            LOG.debug("Still out of credits for algorithm '{}' at {}; next check from {}", key.algorithm(),
                    key.platform(), status.nextCheck());
        }
        return status;
    }

    /** A check or a job showed credits: forget the algorithm's state (said once, when it was out). */
    void available(Key key) {
        Entry was;
        synchronized (this) {
            if (entries.isEmpty()) {
                return;
            }
            was = entries.remove(key);
        }
        if (was != null) {
            LOG.info("Credits for algorithm '{}' at {} are available again (out since {}); submitting",
                    key.algorithm(), key.platform(), was.status.since());
            listeners.forEach(listener -> notify(() -> listener.creditsAvailable(was.status)));
        }
    }

    /** A check that could not tell (e.g. the platform did not answer): the next submission checks again. */
    synchronized void unsettled(Key key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.checking = false;
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A listener of out-of-credits changes failed: {}", e.toString());
        }
    }
}
