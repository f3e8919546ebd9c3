package io.github.camelgc.app.dropfolder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Pauses an input after a retryable failure, doubling the pause on each failure in a row (from {@code first} up to
 * {@code max}), so an unreachable platform is not asked again for every dropped file every second. An input whose
 * algorithm is out of credits waits in {@link #creditsWait()} instead, until credits are back. As a file consumer's
 * {@code filter} it hides paused and waiting files; {@link CaseFolders} asks it for case folders.
 */
public class RetryBackoff implements GenericFileFilter<Object> {

    private record Pause(long until, Duration length) {
    }

    private final Duration first;
    private final Duration max;
    private final Clock clock;
    private final Map<Path, Pause> paused = new ConcurrentHashMap<>();
    private final CreditsWait credits;

    public RetryBackoff(Duration first, Duration max, Clock clock) {
        this.first = first;
        this.max = max;
        this.clock = clock;
        this.credits = new CreditsWait(first, clock);
    }

    /** The inputs that wait because their algorithm is out of credits. */
    public CreditsWait creditsWait() {
        return credits;
    }

    /** Records a failure of {@code input}; returns how long it is paused. */
    public Duration failed(Path input) {
        Pause pause = paused.compute(key(input), (path, earlier) -> {
            Duration length = earlier == null ? first : earlier.length().multipliedBy(2);
            if (length.compareTo(max) > 0) {
                length = max;
            }
            return new Pause(clock.millis() + length.toMillis(), length);
        });
        return pause.length();
    }

    /** The input has a fate (accepted or failed for good): forget its pauses. */
    public void succeeded(Path input) {
        paused.remove(key(input));
        credits.forget(input);
    }

    /** Whether {@code input} may be tried now. */
    public boolean mayTry(Path input) {
        Pause pause = paused.get(key(input));
        return (pause == null || clock.millis() >= pause.until()) && credits.mayTry(input);
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        return file.isDirectory() || mayTry(Path.of(file.getAbsoluteFilePath()));
    }

    private static Path key(Path input) {
        return input.toAbsolutePath().normalize();
    }
}
