package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;

/**
 * Timestream's text form of a timestamp, {@code 2023-02-13 19:22:45.051000000}: always nine
 * fraction digits, UTC, no zone. Used for result values and for text given where a timestamp is
 * expected ({@code hour('2019-10-12 23:10:34.000000000')}).
 */
public final class TimestampText {
    /** Length of every formatted timestamp between 1970 and 2262. */
    public static final int LENGTH = 29;

    private TimestampText() {}

    public static String format(long timestamp) {
        return appendTo(new StringBuilder(LENGTH), timestamp).toString();
    }

    /** Appends the text form of {@code timestamp}; allocates nothing if {@code out} has room. */
    public static StringBuilder appendTo(StringBuilder out, long timestamp) {
        long epochDay = CivilCalendar.epochDay(timestamp);
        appendDate(out, epochDay).append(' ');
        return appendTime(out, CivilCalendar.nanosOfDay(timestamp));
    }

    /** {@code YYYY-MM-DD}. */
    static StringBuilder appendDate(StringBuilder out, long epochDay) {
        appendPadded(out, CivilCalendar.year(epochDay), 4).append('-');
        appendPadded(out, CivilCalendar.month(epochDay), 2).append('-');
        return appendPadded(out, CivilCalendar.dayOfMonth(epochDay), 2);
    }

    /** {@code hh:mm:ss.fffffffff}, the form of Timestream's {@code time} values too. */
    static StringBuilder appendTime(StringBuilder out, long nanosOfDay) {
        appendPadded(out, nanosOfDay / Nanos.PER_HOUR, 2).append(':');
        appendPadded(out, nanosOfDay / Nanos.PER_MINUTE % 60, 2).append(':');
        appendPadded(out, nanosOfDay / Nanos.PER_SECOND % 60, 2).append('.');
        return appendPadded(out, nanosOfDay % Nanos.PER_SECOND, 9);
    }

    static StringBuilder appendPadded(StringBuilder out, long value, int width) {
        long limit = 10;
        for (int digits = 1; digits < width; digits++) {
            if (value < limit) {
                out.append('0');
            }
            limit *= 10;
        }
        return out.append(value);
    }

    /**
     * Reads {@code YYYY-MM-DD[( |T)hh:mm[:ss[.fffffffff]]]}, UTC, as Trino's cast from varchar
     * accepts it.
     *
     * @throws QueryExecutionException if {@code text} is not such a timestamp
     */
    public static long parse(CharSequence text) {
        DateTimeTextReader reader = new DateTimeTextReader(text);
        long epochDay = reader.date();
        if (epochDay == Long.MIN_VALUE) {
            throw invalid(text);
        }
        long nanosOfDay = 0;
        if (reader.accept(' ') || reader.accept('T')) {
            nanosOfDay = reader.timeOfDay(true);
            if (nanosOfDay < 0) {
                throw invalid(text);
            }
        }
        if (!reader.atEnd()) {
            throw invalid(text);
        }
        return atDay(epochDay, nanosOfDay);
    }

    static long atDay(long epochDay, long nanosOfDay) {
        if (epochDay < 0) {
            throw TimestampRange.negativeTime();
        }
        if (epochDay > CivilCalendar.epochDay(TimestampRange.MAX)) {
            throw TimestampRange.outOfRange();
        }
        long result = epochDay * Nanos.PER_DAY + nanosOfDay;
        if (result < 0) {
            throw TimestampRange.outOfRange(); // past 2262-04-11 23:47:16.854775807 on its last day
        }
        return result;
    }

    private static QueryExecutionException invalid(CharSequence text) {
        return new QueryExecutionException("Value cannot be cast to timestamp: " + text);
    }
}
