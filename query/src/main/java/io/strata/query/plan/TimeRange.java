package io.strata.query.plan;

/**
 * The times a row may have to pass a query's filter: {@code [lowest, highest]}, both inclusive,
 * nanoseconds since the epoch. {@link #ALL} when the filter says nothing about time.
 */
public record TimeRange(long lowest, long highest) {
    public static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);

    public boolean isEmpty() {
        return lowest > highest;
    }

    public boolean contains(long time) {
        return time >= lowest && time <= highest;
    }

    public TimeRange intersect(TimeRange other) {
        return new TimeRange(Math.max(lowest, other.lowest), Math.min(highest, other.highest));
    }
}
