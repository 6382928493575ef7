package io.strata.query.function.timeseries;

import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.Nanos;
import io.strata.query.function.time.TimestampArithmetic;

/**
 * {@code sequence(start, stop[, step])} for BIGINT and TIMESTAMP: every value from start to stop
 * inclusive, stepping by step, as Trino defines it. Integer step defaults to 1 (or -1 when stop <
 * start); timestamp step defaults to 1 day. Errors (as Trino's): a zero step, a step pointing away
 * from stop, more than {@value #MAX_ENTRIES} entries. Pure and thread-safe.
 */
public final class Sequences {
    public static final int MAX_ENTRIES = 10_000;

    private Sequences() {}

    public static long[] bigints(long start, long stop) {
        return bigints(start, stop, stop >= start ? 1 : -1);
    }

    public static long[] bigints(long start, long stop, long step) {
        checkDirection(start, stop, step);
        long count = entryCount(start, stop, step);
        long[] values = new long[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = start + i * step;
        }
        return values;
    }

    /** Timestamps stepping by a day-to-second interval (nanoseconds); the default step is 1 day. */
    public static long[] timestamps(long start, long stop) {
        return timestamps(start, stop, Nanos.PER_DAY);
    }

    public static long[] timestamps(long start, long stop, long stepNanos) {
        return bigints(start, stop, stepNanos);
    }

    /**
     * Timestamps stepping by a year-to-month interval: the same day and time each {@code months}
     * later, clamped to shorter months and always counted from {@code start} (Jan 31 + 1 month =
     * Feb 28/29, + 2 months = Mar 31), as Trino does.
     */
    public static long[] timestampsByMonths(long start, long stop, long months) {
        checkDirection(start, stop, months);
        long[] values = new long[16];
        int count = 0;
        for (long step = 0; ; step++) {
            long value = TimestampArithmetic.plusMonths(start, step * months);
            if (months > 0 ? value > stop : value < stop) {
                break;
            }
            if (count == MAX_ENTRIES) {
                throw tooMany();
            }
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static void checkDirection(long start, long stop, long step) {
        if (step == 0) {
            throw new QueryExecutionException("step must not be zero");
        }
        if ((step > 0 && stop < start) || (step < 0 && stop > start)) {
            throw new QueryExecutionException("sequence stop value should be greater than or equal to start value if step "
                    + "is greater than zero otherwise stop should be less than or equal to start");
        }
    }

    private static long entryCount(long start, long stop, long step) {
        // (stop - start) may overflow a long for extreme BIGINT arguments; BigInteger only on that path.
        long distance = stop - start;
        boolean overflow = ((stop ^ start) & (stop ^ distance)) < 0;
        long count;
        if (overflow) {
            count = Long.MAX_VALUE;
        } else {
            count = distance / step + 1;
        }
        if (count > MAX_ENTRIES) {
            throw tooMany();
        }
        return count;
    }

    private static QueryExecutionException tooMany() {
        return new QueryExecutionException("result of sequence function must not have more than " + MAX_ENTRIES + " entries");
    }
}
