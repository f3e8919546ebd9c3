package io.github.camelgc.app.dropfolder;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console says each thing once: one line per subject (an input, the result polls) and state (waits for a copy,
 * cannot be moved to {@code .done/}, ...), not one per poll or retry. A state said again is dropped while it keeps
 * recurring; a subject that fell silent for {@code quiet} (the problem went away without news of it) or changed its
 * state is said again. Bounded: the oldest subjects are forgotten first.
 * <p>
 * Every repeating console line of the drop-folder service goes through here, so the rate limit is decided once.
 */
public class ConsoleOnce {

    /** Subjects remembered; far more than a drop folder holds inputs with a pending problem at once. */
    static final int CAPACITY = 10_000;

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");

    private record Said(String state, long lastSeen) {
    }

    private final Clock clock;
    private final long quietMillis;
    private final Map<String, Said> said = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Said> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Says a recurring state again only after 30 minutes without it. */
    public ConsoleOnce() {
        this(Clock.systemUTC(), Duration.ofMinutes(30));
    }

    public ConsoleOnce(Clock clock, Duration quiet) {
        this.clock = clock;
        this.quietMillis = quiet.toMillis();
    }

    /** A warning line, unless this subject is in this state already (and said so recently). */
    public void warn(String subject, String state, String format, Object... arguments) {
        if (isNews(subject, state)) {
            CONSOLE.warn(format, arguments);
        }
    }

    /** An information line, unless this subject is in this state already (and said so recently). */
    public void info(String subject, String state, String format, Object... arguments) {
        if (isNews(subject, state)) {
            CONSOLE.info(format, arguments);
        }
    }

    /**
     * Whether {@code subject} entering {@code state} is news; records it either way (a repeat keeps the state from
     * going quiet).
     */
    public synchronized boolean isNews(String subject, String state) {
        long now = clock.millis();
        Said before = said.put(subject, new Said(state, now));
        return before == null || !before.state().equals(state) || now - before.lastSeen() >= quietMillis;
    }

    /** The subject got its fate (or is gone): whatever comes next about it is news. */
    public synchronized void forget(String subject) {
        said.remove(subject);
    }
}
