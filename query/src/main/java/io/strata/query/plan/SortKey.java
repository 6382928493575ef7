package io.strata.query.plan;

/** One ORDER BY key: a channel, its direction, and where NULLs go (last by default, as in Trino). */
public record SortKey(int channel, boolean ascending, boolean nullsFirst) {
    public SortKey {
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0");
        }
    }
}
