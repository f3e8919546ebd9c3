package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.producer.OutOfCredits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs waiting for credits. When the platform refuses an algorithm's jobs because the account is out of credits,
 * its inputs stay where they are (never {@code .failed/}): one of them (the <em>prober</em>) is tried again when the
 * component's next check is due, the others only once credits are back, so a long wait costs neither requests nor
 * console lines. The console says once that the algorithm waits, how many inputs wait and what to do, and once when
 * credits are back.
 * <p>
 * In memory, like the component's own state: after a restart the first submission finds out again.
 */
public class CreditsWait implements OutOfCredits.Listener {

    private static final Logger CONSOLE = LoggerFactory.getLogger("grandchallenge");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** One algorithm's wait, from the platform's first refusal until credits are back. */
    private static final class Episode {
        private final Instant since;
        private Instant nextCheck;
        private Path prober;
        private final Set<Path> inputs = new LinkedHashSet<>();
        private final Set<String> items = new LinkedHashSet<>();

        private Episode(Instant since) {
            this.since = since;
        }
    }

    private final Duration minimumPause;
    private final Clock clock;
    private final Map<String, Episode> episodes = new HashMap<>();
    private final Map<Path, String> algorithmOf = new HashMap<>();

    /** @param minimumPause the least time before the prober is tried again (a check may be running elsewhere) */
    public CreditsWait(Duration minimumPause, Clock clock) {
        this.minimumPause = minimumPause;
        this.clock = clock;
    }

    /**
     * An input was refused for want of credits.
     *
     * @param input the dropped file or case folder, or {@code null} for an exchange without one (an archive item)
     * @param item  what the exchange without an input stands for (e.g. the archive item's id)
     */
    public void waiting(Path input, String item, GrandChallengeOutOfCreditsException refusal) {
        String announcement = null;
        synchronized (this) {
            String algorithm = refusal.getAlgorithm();
            Episode episode = episodes.get(algorithm);
            if (episode == null || !episode.since.equals(refusal.getSince())) {
                // a new spell without credits (the component's state says since when)
                if (episode != null) {
                    episode.inputs.forEach(algorithmOf::remove);
                }
                episode = new Episode(refusal.getSince());
                episodes.put(algorithm, episode);
                announcement = announcement(algorithm, input, refusal);
            }
            Instant earliest = clock.instant().plus(minimumPause);
            episode.nextCheck = refusal.getNextCheck().isAfter(earliest) ? refusal.getNextCheck() : earliest;
            if (input != null) {
                Path key = key(input);
                episode.inputs.add(key);
                algorithmOf.put(key, algorithm);
                if (episode.prober == null) {
                    episode.prober = key;
                }
            } else if (item != null) {
                episode.items.add(item);
            }
        }
        if (announcement != null) {
            CONSOLE.warn(announcement);
        }
    }

    /** Whether an input may be tried now: it does not wait for credits, or it is the one tried when a check is due. */
    public synchronized boolean mayTry(Path input) {
        Path key = key(input);
        String algorithm = algorithmOf.get(key);
        if (algorithm == null) {
            return true;
        }
        Episode episode = episodes.get(algorithm);
        if (clock.instant().isBefore(episode.nextCheck)) {
            return false;
        }
        if (episode.prober == null || !key.equals(episode.prober) && !Files.exists(episode.prober)) {
            // the prober was taken out of the inbox: another waiting input takes its turn
            episode.prober = key;
        }
        return key.equals(episode.prober);
    }

    /** The platform accepted a job for the input: if it waited for credits, its algorithm's wait is over. */
    public void accepted(Path input) {
        String algorithm;
        synchronized (this) {
            algorithm = algorithmOf.get(key(input));
        }
        if (algorithm != null) {
            resume(algorithm);
        }
    }

    /** The input has failed for good or is gone: it no longer waits. */
    public synchronized void forget(Path input) {
        Path key = key(input);
        String algorithm = algorithmOf.remove(key);
        if (algorithm != null) {
            Episode episode = episodes.get(algorithm);
            episode.inputs.remove(key);
            if (key.equals(episode.prober)) {
                episode.prober = episode.inputs.stream().findFirst().orElse(null);
            }
        }
    }

    /** The component found credits for the algorithm (a check, or a job of any route). */
    @Override
    public void creditsAvailable(OutOfCredits.Status was) {
        resume(was.algorithm());
    }

    private void resume(String algorithm) {
        Episode episode;
        synchronized (this) {
            episode = episodes.remove(algorithm);
            if (episode == null) {
                return;
            }
            episode.inputs.forEach(algorithmOf::remove);
        }
        long inputs = episode.inputs.stream().filter(Files::exists).count();
        StringBuilder waiting = new StringBuilder();
        if (inputs > 0) {
            waiting.append(inputs).append(inputs == 1 ? " input" : " inputs").append(" waiting in ")
                    .append(folderName(episode.inputs.iterator().next()));
        }
        if (!episode.items.isEmpty()) {
            waiting.append(inputs > 0 ? " and " : "").append(episode.items.size())
                    .append(episode.items.size() == 1 ? " archive item" : " archive items");
        }
        CONSOLE.info("{}: credits are available again (out since {}); submitting {}", algorithm,
                TIME.format(episode.since), waiting.length() == 0 ? "new inputs" : "the " + waiting);
    }

    private String announcement(String algorithm, Path input, GrandChallengeOutOfCreditsException refusal) {
        String waits;
        if (input != null) {
            long count = visibleEntries(input.getParent());
            waits = count + (count == 1 ? " input waits" : " inputs wait") + " in " + folderName(input)
                    + " (none is failed; one is tried at each check, the others once credits are back)";
        } else {
            waits = "Archive items wait (they are offered again on every poll of the archive; none is failed)";
        }
        return algorithm + ": the account is out of credits for this algorithm; the platform refuses its jobs (since "
               + TIME.format(refusal.getSince()) + "). " + waits + ". Credits renew over a rolling month (each job "
               + "counts for a month after it was created); the platform or the algorithm's editors can grant more. "
               + "Submission resumes by itself: the next check is at " + TIME.format(refusal.getNextCheck())
               + " (every camel.component.grandchallenge.creditsRecheckInterval); nothing needs doing here.";
    }

    /** {@code inbox/<workflow>/}: where an input waits, as the operator knows the folder. */
    private static String folderName(Path input) {
        Path folder = input.getParent();
        Path above = folder.getParent();
        return (above == null ? "" : above.getFileName() + "/") + folder.getFileName() + "/";
    }

    private static long visibleEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 1;
        }
    }

    private static Path key(Path input) {
        return input.toAbsolutePath().normalize();
    }
}
