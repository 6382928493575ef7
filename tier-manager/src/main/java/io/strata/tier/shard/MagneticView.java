package io.strata.tier.shard;

import io.strata.core.model.SeriesKey;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.segment.Projection;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time view of the magnetic tier: the segments published when it was taken, unchanged
 * by later seals, late writes, expiry or compaction (segments are immutable; the view pins a
 * manifest version). Safe to use from any thread, concurrently with the apply thread.
 */
public interface MagneticView {
    /**
     * The series of the table with rows in the view that match the predicates (dimension name →
     * accepted values; measure names, empty = any), sorted by {@link SeriesKey#compareTo}.
     */
    List<SeriesKey> series(String tableId, Map<String, ? extends Collection<String>> dimensionValues,
            Collection<String> measureNames);

    /**
     * The series' rows with time in {@code [fromNanos, toNanos]} (inclusive), one row per time
     * (newest version when segments overlap), sorted by time; {@code null} if none.
     */
    SeriesRows read(String tableId, SeriesKey series, long fromNanos, long toNanos);

    /**
     * As {@link #read(String, SeriesKey, long, long)}, reading at least the value columns of
     * {@code columns} (times and versions always): a scan decodes only what it projects. A view may
     * return more columns than asked for; the default returns them all.
     */
    default SeriesRows read(String tableId, SeriesKey series, long fromNanos, long toNanos, Projection columns) {
        return read(tableId, series, fromNanos, toNanos);
    }
}
