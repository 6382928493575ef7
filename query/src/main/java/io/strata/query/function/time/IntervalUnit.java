package io.strata.query.function.time;

import java.util.Locale;
import java.util.Optional;

/**
 * The units of Timestream's interval literals ({@code 5m}, {@code 100ms}, {@code 1year}): a
 * day-to-second unit has a fixed length in nanoseconds, a year-to-month unit a number of months.
 * Names are singular only ("The unit is not pluralized"), matched without regard to case;
 * {@code quarter} is deliberately absent (not allowed in literals).
 */
public enum IntervalUnit {
    NANOSECOND(1L, 0, "ns", "nanosecond"),
    MICROSECOND(1_000L, 0, "us", "microsecond"),
    MILLISECOND(1_000_000L, 0, "ms", "millisecond"),
    SECOND(Nanos.PER_SECOND, 0, "s", "second"),
    MINUTE(Nanos.PER_MINUTE, 0, "m", "minute"),
    HOUR(Nanos.PER_HOUR, 0, "h", "hour"),
    DAY(Nanos.PER_DAY, 0, "d", "day"),
    MONTH(0L, 1, "month", "month"),
    YEAR(0L, 12, "y", "year");

    private final long nanoseconds;
    private final int months;
    private final String shortName;
    private final String longName;

    IntervalUnit(long nanoseconds, int months, String shortName, String longName) {
        this.nanoseconds = nanoseconds;
        this.months = months;
        this.shortName = shortName;
        this.longName = longName;
    }

    /** The unit spelled {@code name} ({@code "m"}, {@code "minute"}, {@code "MS"}), if any. */
    public static Optional<IntervalUnit> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (IntervalUnit unit : values()) {
            if (unit.shortName.equals(lower) || unit.longName.equals(lower)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** Whether this unit makes an {@code interval year to month} (else {@code day to second}). */
    public boolean yearToMonth() {
        return months != 0;
    }

    /** Length in nanoseconds of a day-to-second unit; 0 for a year-to-month unit. */
    public long nanoseconds() {
        return nanoseconds;
    }

    /** Length in months of a year-to-month unit; 0 for a day-to-second unit. */
    public int months() {
        return months;
    }
}
