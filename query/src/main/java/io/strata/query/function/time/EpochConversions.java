package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;

/**
 * Conversions between timestamps (nanoseconds since the epoch) and epoch numbers:
 * {@code from_milliseconds}, {@code to_milliseconds}, {@code from_nanoseconds},
 * {@code to_nanoseconds}, {@code from_unixtime}, {@code to_unixtime}. Pure, static, allocation-free
 * except on the error path.
 */
public final class EpochConversions {

    private EpochConversions() {}

    /** {@code from_milliseconds(bigint)}: {@code from_milliseconds(1)} is 1970-01-01 00:00:00.001000000. */
    public static long fromMilliseconds(long milliseconds) {
        TimestampRange.requireValid(milliseconds);
        if (milliseconds > TimestampRange.MAX / Nanos.PER_MILLISECOND) {
            throw TimestampRange.outOfRange();
        }
        return milliseconds * Nanos.PER_MILLISECOND;
    }

    /** {@code to_milliseconds(timestamp)}: whole milliseconds, the sub-millisecond part dropped. */
    public static long toMilliseconds(long timestamp) {
        return Math.floorDiv(timestamp, Nanos.PER_MILLISECOND);
    }

    /** {@code to_milliseconds(interval day to second)}, truncated toward zero. */
    public static long intervalToMilliseconds(long intervalNanos) {
        return intervalNanos / Nanos.PER_MILLISECOND;
    }

    /** {@code from_nanoseconds(bigint)}: {@code from_nanoseconds(300000001)} is 1970-01-01 00:00:00.300000001. */
    public static long fromNanoseconds(long nanoseconds) {
        return TimestampRange.requireValid(nanoseconds);
    }

    /** {@code to_nanoseconds(timestamp)} and {@code to_nanoseconds(interval day to second)}. */
    public static long toNanoseconds(long nanoseconds) {
        return nanoseconds;
    }

    /**
     * {@code from_unixtime(double)}: seconds since the epoch to the nearest nanosecond of the
     * double's exact value (whole seconds and fraction converted separately, so a whole number of
     * seconds is exact: {@code from_unixtime(1)} is 1970-01-01 00:00:01.000000000).
     */
    public static long fromUnixtime(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new QueryExecutionException("from_unixtime: invalid unixtime " + seconds);
        }
        if (seconds < 0) {
            throw TimestampRange.negativeTime();
        }
        double whole = Math.floor(seconds);
        if (whole > (double) (TimestampRange.MAX / Nanos.PER_SECOND)) {
            throw TimestampRange.outOfRange();
        }
        long fraction = Math.round((seconds - whole) * Nanos.PER_SECOND);
        try {
            return Math.addExact((long) whole * Nanos.PER_SECOND, fraction);
        } catch (ArithmeticException e) {
            throw TimestampRange.outOfRange();
        }
    }

    /**
     * {@code to_unixtime(timestamp)}: seconds as a double, computed as nanoseconds / 1e9 — the
     * rounding Timestream shows: 2022-06-17 17:44:43.771 gives {@code 1.6554878837710001E9}.
     */
    public static double toUnixtime(long timestamp) {
        return timestamp / 1e9;
    }
}
