package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;

/**
 * Rounding timestamps down: {@code bin(ts, interval)} to a multiple of a fixed interval counted
 * from the epoch, {@code date_trunc(unit, ts)} to the start of a calendar unit. Pure, static and
 * allocation-free except on the error path.
 */
public final class TimestampRounding {

    private TimestampRounding() {}

    /**
     * {@code bin(timestamp, interval)}: "rounds down the timestamp's integer value to the nearest
     * multiple of the interval's integer value" — epoch-aligned, so {@code bin(ts, 30d)} has no
     * relation to calendar months. Multiples of {@code -i} are those of {@code i}, so a negative
     * interval bins like its absolute value; a zero interval is an error (division by zero).
     */
    public static long bin(long timestamp, long intervalNanos) {
        if (intervalNanos == 0) {
            throw new QueryExecutionException("bin: the interval must not be zero (division by zero)");
        }
        if (intervalNanos == Long.MIN_VALUE) {
            // Longer than any valid timestamp: every time since the epoch falls in bin 0.
            TimestampRange.requireValid(timestamp);
            return 0;
        }
        long interval = Math.abs(intervalNanos);
        TimestampRange.requireValid(timestamp);
        return timestamp - timestamp % interval;
    }

    /**
     * {@code date_trunc(unit, timestamp)}: the start of the unit holding {@code timestamp};
     * weeks start on Monday, quarters in January, April, July and October.
     */
    public static long dateTrunc(DateTimeUnit unit, long timestamp) {
        TimestampRange.requireValid(timestamp);
        long epochDay = CivilCalendar.epochDay(timestamp);
        return switch (unit) {
            case MILLISECOND, SECOND, MINUTE, HOUR, DAY -> timestamp - timestamp % unit.nanoseconds();
            // 1970-01-01 was a Thursday: the week holding it starts in 1969, before the valid range.
            case WEEK -> TimestampRange.requireValid((epochDay - CivilCalendar.dayOfWeek(epochDay) + 1) * Nanos.PER_DAY);
            case MONTH -> startOfMonth(CivilCalendar.year(epochDay), CivilCalendar.month(epochDay));
            case QUARTER -> startOfMonth(CivilCalendar.year(epochDay), (CivilCalendar.month(epochDay) - 1) / 3 * 3 + 1);
            case YEAR -> startOfMonth(CivilCalendar.year(epochDay), 1);
        };
    }

    private static long startOfMonth(int year, int month) {
        return CivilCalendar.epochDay(year, month, 1) * Nanos.PER_DAY;
    }
}
