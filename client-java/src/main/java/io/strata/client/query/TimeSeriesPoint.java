package io.strata.client.query;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a time-series value.
 *
 * @param time the point's time, to the nanosecond
 * @param value the point's value, typed by the time series' value type
 */
public record TimeSeriesPoint(Instant time, Value value) {
    public TimeSeriesPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
    }
}
