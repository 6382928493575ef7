package io.strata.tier.shard;

import io.strata.core.model.SeriesKey;
import io.strata.tier.memory.SeriesRows;
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
}
