package io.github.camelgc.emulator.server;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Date-time and duration strings in the platform's formats (spec §1.4). */
public final class Iso {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Iso() {
    }

    /** {@code 2025-11-14T09:12:33.123456Z}; microseconds only when non-zero. */
    public static String instant(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        int fraction = micros.getNano() / 1000;
        return SECONDS.format(micros) + (fraction == 0 ? "" : String.format(".%06d", fraction)) + "Z";
    }

    /** Django's ISO-8601 duration, e.g. {@code P0DT00H02M11.250000S}. */
    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        int micros = duration.getNano() / 1000;
        String base = String.format("P%dDT%02dH%02dM%02d", seconds / 86400, (seconds % 86400) / 3600,
                (seconds % 3600) / 60, seconds % 60);
        return base + (micros == 0 ? "" : String.format(".%06d", micros)) + "S";
    }
}
