package io.strata.query.function.time;

/**
 * Adding intervals to timestamps and measuring between them: {@code ts ± interval},
 * {@code ago}, {@code date_add}, {@code date_diff}. Timestamps are nanoseconds since the epoch,
 * UTC; a result before 1970 or after 2262-04-11 is an error ({@link TimestampRange}). Pure,
 * static and allocation-free except on the error path.
 */
public final class TimestampArithmetic {

    private TimestampArithmetic() {}

    /** {@code timestamp + interval day to second}. */
    public static long plus(long timestamp, long intervalNanos) {
        long result = timestamp + intervalNanos;
        if (((timestamp ^ result) & (intervalNanos ^ result)) < 0) {
            throw intervalNanos > 0 ? TimestampRange.outOfRange() : TimestampRange.negativeTime();
        }
        return TimestampRange.requireValid(result);
    }

    /** {@code timestamp - interval day to second}. */
    public static long minus(long timestamp, long intervalNanos) {
        if (intervalNanos == Long.MIN_VALUE) {
            throw TimestampRange.outOfRange();
        }
        return plus(timestamp, -intervalNanos);
    }

    /** {@code ago(interval)}: the query's start time minus the interval. */
    public static long ago(long now, long intervalNanos) {
        return minus(now, intervalNanos);
    }

    /**
     * {@code timestamp + interval year to month}: the same day and time {@code months} later,
     * clamped to the last day of a shorter month (2020-01-31 + 1 month = 2020-02-29), as Trino does.
     */
    public static long plusMonths(long timestamp, long months) {
        long epochDay = CivilCalendar.epochDay(timestamp);
        long nanosOfDay = CivilCalendar.nanosOfDay(timestamp);
        long monthIndex;
        try {
            monthIndex = Math.addExact(Math.multiplyExact((long) CivilCalendar.year(epochDay), 12L) + CivilCalendar.month(epochDay) - 1, months);
        } catch (ArithmeticException e) {
            throw months > 0 ? TimestampRange.outOfRange() : TimestampRange.negativeTime();
        }
        long year = Math.floorDiv(monthIndex, 12L);
        if (year < 1970) {
            throw TimestampRange.negativeTime();
        }
        if (year > 2262) {
            throw TimestampRange.outOfRange();
        }
        int month = (int) Math.floorMod(monthIndex, 12L) + 1;
        int day = Math.min(CivilCalendar.dayOfMonth(epochDay), CivilCalendar.daysInMonth(year, month));
        return atDay(CivilCalendar.epochDay(year, month, day), nanosOfDay);
    }

    /** {@code date_add(unit, amount, timestamp)}. */
    public static long dateAdd(DateTimeUnit unit, long amount, long timestamp) {
        if (unit.calendarBased()) {
            long months;
            try {
                months = Math.multiplyExact(amount, (long) unit.months());
            } catch (ArithmeticException e) {
                throw amount > 0 ? TimestampRange.outOfRange() : TimestampRange.negativeTime();
            }
            return plusMonths(timestamp, months);
        }
        long nanos;
        try {
            nanos = Math.multiplyExact(amount, unit.nanoseconds());
        } catch (ArithmeticException e) {
            throw amount > 0 ? TimestampRange.outOfRange() : TimestampRange.negativeTime();
        }
        return plus(timestamp, nanos);
    }

    /**
     * {@code date_diff(unit, from, to)}: how many whole units fit between the two, negative when
     * {@code to} is earlier. A fixed unit truncates toward zero; a calendar unit counts the months
     * {@code m} for which {@code plusMonths(from, m)} does not pass {@code to} (so 2020-01-31 to
     * 2020-02-29 is one month, as in Trino).
     */
    public static long dateDiff(DateTimeUnit unit, long from, long to) {
        if (!unit.calendarBased()) {
            // Both are non-negative timestamps, so the difference cannot overflow.
            return (to - from) / unit.nanoseconds();
        }
        long months = to >= from ? wholeMonths(from, to) : -wholeMonths(to, from);
        return months / unit.months();
    }

    /** Whole months from {@code earlier} to {@code later}, calendar-aware, {@code earlier <= later}. */
    private static long wholeMonths(long earlier, long later) {
        long earlierDay = CivilCalendar.epochDay(earlier);
        long laterDay = CivilCalendar.epochDay(later);
        long months = (CivilCalendar.year(laterDay) - (long) CivilCalendar.year(earlierDay)) * 12
                + CivilCalendar.month(laterDay) - CivilCalendar.month(earlierDay);
        if (months > 0 && plusMonthsUnchecked(earlierDay, CivilCalendar.nanosOfDay(earlier), months) > later) {
            months--;
        }
        return months;
    }

    /** {@link #plusMonths} for a result known to be in range (between two valid timestamps). */
    private static long plusMonthsUnchecked(long epochDay, long nanosOfDay, long months) {
        long monthIndex = CivilCalendar.year(epochDay) * 12L + CivilCalendar.month(epochDay) - 1 + months;
        long year = Math.floorDiv(monthIndex, 12L);
        int month = (int) Math.floorMod(monthIndex, 12L) + 1;
        int day = Math.min(CivilCalendar.dayOfMonth(epochDay), CivilCalendar.daysInMonth(year, month));
        long resultDay = CivilCalendar.epochDay(year, month, day);
        // Only a result past 2262 leaves the long range; saturate so the caller's comparison holds.
        if (resultDay > CivilCalendar.epochDay(TimestampRange.MAX)) {
            return Long.MAX_VALUE;
        }
        long result = resultDay * Nanos.PER_DAY + nanosOfDay;
        return result < 0 ? Long.MAX_VALUE : result;
    }

    private static long atDay(long epochDay, long nanosOfDay) {
        long dayStart;
        try {
            dayStart = Math.multiplyExact(epochDay, Nanos.PER_DAY);
            return TimestampRange.requireValid(Math.addExact(dayStart, nanosOfDay));
        } catch (ArithmeticException e) {
            throw TimestampRange.outOfRange();
        }
    }
}
