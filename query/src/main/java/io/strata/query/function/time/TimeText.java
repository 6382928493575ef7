package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import java.util.Locale;

/**
 * Timestream's text form of a {@code time} value, {@code 17:41:52.827000000}: always nine fraction
 * digits, the same as the time part of {@link TimestampText}. Values are nanoseconds of the day.
 */
public final class TimeText {
    /** Length of every formatted time. */
    public static final int LENGTH = 18;

    private TimeText() {}

    public static String format(long nanosOfDay) {
        return TimestampText.appendTime(new StringBuilder(LENGTH), nanosOfDay).toString();
    }

    /**
     * Reads {@code hh:mm[:ss[.fffffffff]]} as Trino's {@code TIME '...'} literal and cast from
     * varchar accept it (surrounding spaces allowed).
     *
     * @throws QueryExecutionException with Trino's message if {@code text} is not such a time
     */
    public static long parse(CharSequence text) {
        DateTimeTextReader reader = new DateTimeTextReader(text.toString().strip());
        long nanosOfDay = reader.timeOfDay(true);
        if (nanosOfDay < 0 || !reader.atEnd()) {
            throw new QueryExecutionException("Value cannot be cast to time: " + text);
        }
        return nanosOfDay;
    }

    /** The time of day of a timestamp ({@code CAST(ts AS time)}). */
    public static long ofTimestamp(long timestamp) {
        return CivilCalendar.nanosOfDay(timestamp);
    }

    /**
     * {@code time + interval}: like Trino, the result wraps around midnight ({@code 23:00 + 2h} is
     * {@code 01:00}).
     */
    public static long plus(long nanosOfDay, long intervalNanos) {
        return Math.floorMod(nanosOfDay + intervalNanos % Nanos.PER_DAY, Nanos.PER_DAY);
    }

    /**
     * {@code date_add(unit, value, time)}: only the units within a day (millisecond to hour), the
     * result wrapping around midnight as in Trino.
     */
    public static long dateAdd(DateTimeUnit unit, long value, long nanosOfDay) {
        return plus(nanosOfDay, Math.floorMod(value, Nanos.PER_DAY / requireTimeUnit(unit).nanoseconds()) * unit.nanoseconds());
    }

    /** {@code date_diff(unit, a, b)} of two times: whole units from {@code a} to {@code b}, truncated. */
    public static long dateDiff(DateTimeUnit unit, long from, long to) {
        return (to - from) / requireTimeUnit(unit).nanoseconds();
    }

    private static DateTimeUnit requireTimeUnit(DateTimeUnit unit) {
        if (unit.calendarBased() || unit.nanoseconds() > Nanos.PER_HOUR) {
            throw new ValidationException("'" + unit.name().toLowerCase(Locale.ROOT)
                    + "' is not a valid Time field");
        }
        return unit;
    }
}
