package io.strata.query.function.time;

/**
 * The field functions applied to intervals: {@code day(interval day to second)},
 * {@code hour(...)}, ... and {@code year(interval year to month)}, {@code month(...)}. Each is the
 * field of the interval's normalised form ({@code 1 02:03:04.5} has hour 2), keeping the sign.
 */
public final class IntervalFields {

    private IntervalFields() {}

    public static long day(long nanos) {
        return nanos / Nanos.PER_DAY;
    }

    public static long hour(long nanos) {
        return nanos / Nanos.PER_HOUR % 24;
    }

    public static long minute(long nanos) {
        return nanos / Nanos.PER_MINUTE % 60;
    }

    public static long second(long nanos) {
        return nanos / Nanos.PER_SECOND % 60;
    }

    public static long millisecond(long nanos) {
        return nanos / Nanos.PER_MILLISECOND % 1000;
    }

    public static long nanosecond(long nanos) {
        return nanos % Nanos.PER_SECOND;
    }

    public static long year(long months) {
        return months / 12;
    }

    public static long month(long months) {
        return months % 12;
    }
}
