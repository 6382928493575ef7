package io.strata.query.function.time;

import io.strata.core.error.QueryExecutionException;

/**
 * The timestamps a query may produce: 1970-01-01 00:00:00.000000000 ({@code 0}) to
 * 2262-04-11 23:47:16.854775807 ({@link Long#MAX_VALUE}) in nanoseconds since the epoch.
 * "Timestream for LiveAnalytics does not support negative time values. Any operation resulting in
 * negative time results in error" — so does Strata, and so does an overflow past 2262.
 */
public final class TimestampRange {
    public static final long MIN = 0L;
    public static final long MAX = Long.MAX_VALUE;

    private TimestampRange() {}

    /** {@code nanos} if it is a valid time, else the error a query sees. */
    public static long requireValid(long nanos) {
        if (nanos < MIN) {
            throw negativeTime();
        }
        return nanos;
    }

    public static QueryExecutionException negativeTime() {
        return new QueryExecutionException(
                "Operation results in a negative time value: Timestream does not support times before 1970-01-01 00:00:00.000000000");
    }

    public static QueryExecutionException outOfRange() {
        return new QueryExecutionException(
                "Timestamp out of range: the supported range is 1970-01-01 00:00:00.000000000 to 2262-04-11 23:47:16.854775807");
    }
}
