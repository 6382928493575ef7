package io.strata.query.function.time;

import io.strata.core.error.ValidationException;
import java.util.Locale;

/**
 * The unit argument of {@code date_trunc}, {@code date_add} and {@code date_diff}: Timestream
 * documents second, minute, hour, day, week, month, quarter and year; millisecond is Trino's and
 * accepted too. A fixed-length unit has a nanosecond length, a calendar unit a month count.
 */
public enum DateTimeUnit {
    MILLISECOND(Nanos.PER_MILLISECOND, 0),
    SECOND(Nanos.PER_SECOND, 0),
    MINUTE(Nanos.PER_MINUTE, 0),
    HOUR(Nanos.PER_HOUR, 0),
    DAY(Nanos.PER_DAY, 0),
    WEEK(Nanos.PER_WEEK, 0),
    MONTH(0, 1),
    QUARTER(0, 3),
    YEAR(0, 12);

    private final long nanoseconds;
    private final int months;

    DateTimeUnit(long nanoseconds, int months) {
        this.nanoseconds = nanoseconds;
        this.months = months;
    }

    /**
     * The unit named {@code name}, any case ({@code 'hour'}, {@code 'HOUR'}).
     *
     * @throws ValidationException for any other name, as Trino words it
     */
    public static DateTimeUnit fromName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("'" + name + "' is not a valid Timestamp field");
        }
    }

    /** Whether the unit varies in length with the calendar (month, quarter, year). */
    public boolean calendarBased() {
        return months != 0;
    }

    /** Length of a fixed-length unit; 0 for a calendar unit. */
    public long nanoseconds() {
        return nanoseconds;
    }

    /** Months in a calendar unit; 0 for a fixed-length unit. */
    public int months() {
        return months;
    }
}
