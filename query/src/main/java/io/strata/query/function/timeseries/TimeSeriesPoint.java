package io.strata.query.function.timeseries;

/**
 * One point as a lambda sees it: {@code x.time} (nanoseconds) and {@code x.value} (Long, Double,
 * Boolean or String).
 */
public record TimeSeriesPoint(long time, Object value) {}
