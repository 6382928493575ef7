package io.strata.chaos.history;

import java.util.Objects;

/**
 * The identity of one Strata record: its series (table + sorted dimensions + measure name, as one
 * string) and its time. Same series and same time is the same record; a higher version replaces it.
 */
public record RecordKey(String series, long time) {
    public RecordKey {
        Objects.requireNonNull(series, "series");
        if (series.isBlank()) {
            throw new IllegalArgumentException("series must not be blank");
        }
    }

    @Override
    public String toString() {
        return series + "@" + time;
    }
}
