package io.strata.chaos.history;

import java.util.Objects;

/**
 * One version of a record, as a write carries it or a read returns it. Workloads make every value
 * unique per (series, time, version) so that a read can be traced back to the operation that wrote
 * it; the checkers rely on that.
 */
public record RecordVersion(String series, long time, String value, long version) {
    public RecordVersion {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(value, "value");
        if (series.isBlank()) {
            throw new IllegalArgumentException("series must not be blank");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }

    public RecordKey key() {
        return new RecordKey(series, time);
    }

    @Override
    public String toString() {
        return series + "@" + time + "=" + value + " v" + version;
    }
}
