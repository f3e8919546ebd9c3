package io.github.camelgc.emulator.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's "now": the wall clock (or a clock the test gives) plus an offset tests can move forward, e.g.
 * past the credits' monthly window. Job creation times, upload times, credit periods and URL expiries all read it.
 */
public final class PlatformClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public PlatformClock(Clock base) {
        this.base = base;
    }

    /** Moves the platform's time forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset.get());
    }
}
