package io.strata.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestream's TIMESTAMP text, {@code yyyy-MM-dd HH:mm:ss.nnnnnnnnn} in UTC. */
final class Timestamps {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String text(Instant time) {
        return TEXT.format(time);
    }
}
