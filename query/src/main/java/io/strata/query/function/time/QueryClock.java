package io.strata.query.function.time;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * "Now" for one query: read once from an injected {@link Clock} when the query starts, so that
 * {@code now()}, {@code current_timestamp} and every {@code ago(...)} in the query (and in every
 * shard fragment of it) agree. Scheduled queries pass their invocation time instead.
 *
 * @param startNanos the query's start, nanoseconds since the epoch
 */
public record QueryClock(long startNanos) {

    public QueryClock {
        TimestampRange.requireValid(startNanos);
    }

    public static QueryClock startingNow(Clock clock) {
        return at(Objects.requireNonNull(clock, "clock").instant());
    }

    public static QueryClock at(Instant instant) {
        return new QueryClock(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), Nanos.PER_SECOND), instant.getNano()));
    }

    /** {@code now()} and {@code current_timestamp}. */
    public long now() {
        return startNanos;
    }

    /** {@code ago(interval)}: {@code current_timestamp - interval}. */
    public long ago(long intervalNanos) {
        return TimestampArithmetic.ago(startNanos, intervalNanos);
    }

    /** {@code current_date}, as an epoch day. */
    public long currentDate() {
        return CivilCalendar.epochDay(startNanos);
    }

    /** {@code current_time}, as nanoseconds of the day. */
    public long currentTime() {
        return CivilCalendar.nanosOfDay(startNanos);
    }
}
