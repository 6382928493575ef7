package io.strata.tier.segment;

/**
 * A half-open interval of nanoseconds since the epoch, {@code [fromInclusive, toExclusive)}: the
 * time predicate a scan prunes blocks and segments with. Half-open so that adjacent ranges (one
 * per partition time slot) never share a point.
 */
public record TimeRange(long fromInclusive, long toExclusive) {
    /** Every representable time. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeRange {
        if (toExclusive < fromInclusive) {
            throw new IllegalArgumentException("time range ends (" + toExclusive + ") before it starts ("
                    + fromInclusive + ")");
        }
    }

    public static TimeRange of(long fromInclusive, long toExclusive) {
        return new TimeRange(fromInclusive, toExclusive);
    }

    /** From {@code fromInclusive} to the end of time. */
    public static TimeRange from(long fromInclusive) {
        return new TimeRange(fromInclusive, Long.MAX_VALUE);
    }

    public boolean contains(long time) {
        return time >= fromInclusive && (time < toExclusive || toExclusive == Long.MAX_VALUE);
    }

    /** Whether any time in {@code [min, max]} (both inclusive) lies in this range. */
    public boolean overlaps(long min, long max) {
        return max >= fromInclusive && (min < toExclusive || toExclusive == Long.MAX_VALUE);
    }

    /** Whether every time in {@code [min, max]} (both inclusive) lies in this range. */
    public boolean covers(long min, long max) {
        return contains(min) && contains(max);
    }
}
