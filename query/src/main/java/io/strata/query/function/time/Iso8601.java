package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;

/**
 * {@code from_iso8601_timestamp}, {@code from_iso8601_date} and {@code to_iso8601}.
 *
 * <p>Reads the calendar forms: {@code YYYY-MM-DD[Thh[:mm[:ss[.f…]]]][Z|±hh[:mm]|±hhmm]}, a
 * missing zone meaning UTC (Timestream's only zone), fractions up to nanoseconds. Writes
 * {@code 2022-06-17T03:04:05.000000000Z}: nine fraction digits like every Timestream timestamp and
 * {@code Z} because the value is UTC (the suffix is Presto's/Joda's for UTC; to verify against AWS).
 */
public final class Iso8601 {

    private Iso8601() {}

    /** {@code from_iso8601_timestamp('2022-06-17T08:04:05.000000000+05:00')} is 2022-06-17 03:04:05. */
    public static long fromIso8601Timestamp(CharSequence text) {
        DateTimeTextReader reader = new DateTimeTextReader(text);
        long epochDay = reader.date();
        if (epochDay == Long.MIN_VALUE) {
            throw invalid(text);
        }
        long nanosOfDay = 0;
        long offsetNanos = 0;
        if (reader.accept('T')) {
            nanosOfDay = reader.timeOfDay(false);
            if (nanosOfDay < 0) {
                throw invalid(text);
            }
            offsetNanos = offset(reader, text);
        }
        if (!reader.atEnd()) {
            throw invalid(text);
        }
        long utc;
        try {
            utc = Math.subtractExact(Math.addExact(Math.multiplyExact(epochDay, Nanos.PER_DAY), nanosOfDay), offsetNanos);
        } catch (ArithmeticException e) {
            throw epochDay < 0 ? TimestampRange.negativeTime() : TimestampRange.outOfRange();
        }
        return TimestampRange.requireValid(utc);
    }

    /** {@code from_iso8601_date('2022-07-17')}: the epoch day of the date. */
    public static long fromIso8601Date(CharSequence text) {
        DateTimeTextReader reader = new DateTimeTextReader(text);
        long epochDay = reader.date();
        if (epochDay == Long.MIN_VALUE || !reader.atEnd()) {
            throw invalid(text);
        }
        if (epochDay < 0) {
            throw TimestampRange.negativeTime();
        }
        return epochDay;
    }

    /** {@code to_iso8601(timestamp)}: {@code 2022-06-17T03:04:05.000000000Z}. */
    public static String toIso8601(long timestamp) {
        StringBuilder out = new StringBuilder(30);
        TimestampText.appendDate(out, CivilCalendar.epochDay(timestamp)).append('T');
        return TimestampText.appendTime(out, CivilCalendar.nanosOfDay(timestamp)).append('Z').toString();
    }

    /** {@code to_iso8601(date)}: {@code 2022-06-17}. */
    public static String dateToIso8601(long epochDay) {
        return TimestampText.appendDate(new StringBuilder(10), epochDay).toString();
    }

    /** The zone offset at the cursor in nanoseconds east of UTC; none means UTC. */
    private static long offset(DateTimeTextReader reader, CharSequence text) {
        if (reader.atEnd() || reader.accept('Z')) {
            return 0;
        }
        int sign;
        if (reader.accept('+')) {
            sign = 1;
        } else if (reader.accept('-')) {
            sign = -1;
        } else {
            throw invalid(text);
        }
        int hours = reader.digits(2);
        if (hours < 0 || hours > 18) {
            throw invalid(text);
        }
        int minutes = 0;
        if (reader.accept(':')) {
            minutes = reader.digits(2);
        } else if (!reader.atEnd()) {
            minutes = reader.digits(2);
        }
        if (minutes < 0 || minutes > 59) {
            throw invalid(text);
        }
        return sign * (hours * Nanos.PER_HOUR + minutes * Nanos.PER_MINUTE);
    }

    private static QueryExecutionException invalid(CharSequence text) {
        return new QueryExecutionException("Invalid format: \"" + text + "\"");
    }
}
