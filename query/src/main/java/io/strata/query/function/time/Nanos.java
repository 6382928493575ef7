package io.strata.query.function.time;

/** Nanosecond counts of the fixed-length time units; all Strata times are long nanoseconds. */
public final class Nanos {
    public static final long PER_MICROSECOND = 1_000L;
    public static final long PER_MILLISECOND = 1_000_000L;
    public static final long PER_SECOND = 1_000_000_000L;
    public static final long PER_MINUTE = 60 * PER_SECOND;
    public static final long PER_HOUR = 60 * PER_MINUTE;
    public static final long PER_DAY = 24 * PER_HOUR;
    public static final long PER_WEEK = 7 * PER_DAY;

    private Nanos() {}
}
