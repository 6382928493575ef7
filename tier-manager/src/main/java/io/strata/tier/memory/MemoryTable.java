package io.strata.tier.memory;

import io.strata.core.model.Dimension;
import io.strata.core.model.MeasureName;
import io.strata.core.model.SeriesKey;
import io.strata.internal.v1.StoredRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The memory-store series of one table incarnation, with their dimension index. Series ids are
 * handed out in order of first write and freed when a series is emptied. Mutated by the apply
 * thread under the store's write lock; read under its read lock.
 */
final class MemoryTable {
    final TableReference table;
    private final Map<SeriesIdentity, MemorySeries> series = new HashMap<>();
    private final List<MemorySeries> byId = new ArrayList<>();
    private final BitSet freeIds = new BitSet();
    private final DimensionIndex index = new DimensionIndex();
    private final SeriesIdentity.Probe probe = new SeriesIdentity.Probe();
    /** Time of the oldest row of any series: lowered on each write, recomputed when rows leave. */
    private long oldestTimeNanos = Long.MAX_VALUE;

    MemoryTable(TableReference table) {
        this.table = table;
    }

    /** The series of {@code record}, or null. */
    MemorySeries find(StoredRecord record) {
        return series.get(probe.pointAt(record));
    }

    MemorySeries create(StoredRecord record, ToIntFunction<SeriesKey> keyBucket) {
        List<Dimension> dimensions = new ArrayList<>(record.getDimensionsCount());
        for (int i = 0; i < record.getDimensionsCount(); i++) {
            dimensions.add(new Dimension(record.getDimensions(i).getName(), record.getDimensions(i).getValue()));
        }
        SeriesKey key = new SeriesKey(dimensions, new MeasureName(record.getMeasureName()));
        int id = freeIds.isEmpty() ? byId.size() : freeIds.nextSetBit(0);
        MemorySeries created = new MemorySeries(id, key, SeriesIdentity.of(key), keyBucket.applyAsInt(key));
        if (id == byId.size()) {
            byId.add(created);
        } else {
            byId.set(id, created);
            freeIds.clear(id);
        }
        series.put(created.identity, created);
        index.add(id, key);
        return created;
    }

    void remove(MemorySeries emptied) {
        series.remove(emptied.identity);
        index.remove(emptied.id, emptied.key);
        byId.set(emptied.id, null);
        freeIds.set(emptied.id);
    }

    /** Series matching the predicates (see {@link DimensionIndex#matching}), in series-key order. */
    List<MemorySeries> matching(Map<String, ? extends Collection<String>> dimensionValues,
            Collection<String> measureNames) {
        BitSet ids = index.matching(dimensionValues, measureNames);
        List<MemorySeries> matches = new ArrayList<>(ids.cardinality());
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            matches.add(byId.get(id));
        }
        matches.sort((left, right) -> left.key.compareTo(right.key));
        return matches;
    }

    /** Every series, in series-key order. */
    List<MemorySeries> all() {
        return matching(Map.of(), List.of());
    }

    /** The time of the table's oldest row; {@link Long#MAX_VALUE} when it has none. */
    long oldestTimeNanos() {
        return oldestTimeNanos;
    }

    /** A row with time {@code timeNanos} was stored. */
    void stored(long timeNanos) {
        oldestTimeNanos = Math.min(oldestTimeNanos, timeNanos);
    }

    /** Rows left: the oldest is looked for again, series by series (each keeps its rows in time order). */
    void rowsRemoved() {
        long oldest = Long.MAX_VALUE;
        for (MemorySeries remaining : series.values()) {
            oldest = Math.min(oldest, remaining.oldestTimeNanos());
        }
        oldestTimeNanos = oldest;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    int seriesCount() {
        return series.size();
    }
}
