package io.strata.tier.memory;

import io.strata.core.model.Dimension;
import io.strata.core.model.SeriesKey;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which series of a table have a given dimension value or measure name: posting lists as bit sets
 * of series ids, so predicates combine with {@code and}/{@code or} instead of touching series.
 * Written by the apply thread under the store's write lock, read under its read lock.
 */
final class DimensionIndex {
    private final Map<String, Map<String, BitSet>> byDimension = new HashMap<>();
    private final Map<String, BitSet> byMeasureName = new HashMap<>();
    private final BitSet all = new BitSet();

    void add(int seriesId, SeriesKey key) {
        for (Dimension dimension : key.dimensions()) {
            byDimension.computeIfAbsent(dimension.name(), name -> new HashMap<>())
                    .computeIfAbsent(dimension.value(), value -> new BitSet()).set(seriesId);
        }
        byMeasureName.computeIfAbsent(key.measureName().value(), name -> new BitSet()).set(seriesId);
        all.set(seriesId);
    }

    void remove(int seriesId, SeriesKey key) {
        for (Dimension dimension : key.dimensions()) {
            Map<String, BitSet> values = byDimension.get(dimension.name());
            BitSet ids = values.get(dimension.value());
            ids.clear(seriesId);
            if (ids.isEmpty()) {
                values.remove(dimension.value());
                if (values.isEmpty()) {
                    byDimension.remove(dimension.name());
                }
            }
        }
        BitSet ids = byMeasureName.get(key.measureName().value());
        ids.clear(seriesId);
        if (ids.isEmpty()) {
            byMeasureName.remove(key.measureName().value());
        }
        all.clear(seriesId);
    }

    /**
     * The ids of series matching every predicate: for each dimension, a value among the given ones;
     * a measure name among {@code measureNames} unless it is empty.
     */
    BitSet matching(Map<String, ? extends Collection<String>> dimensionValues, Collection<String> measureNames) {
        BitSet result = (BitSet) all.clone();
        for (Map.Entry<String, ? extends Collection<String>> predicate : dimensionValues.entrySet()) {
            Map<String, BitSet> values = byDimension.getOrDefault(predicate.getKey(), Map.of());
            result.and(union(values, predicate.getValue()));
            if (result.isEmpty()) {
                return result;
            }
        }
        if (!measureNames.isEmpty()) {
            result.and(union(byMeasureName, measureNames));
        }
        return result;
    }

    private static BitSet union(Map<String, BitSet> postings, Collection<String> keys) {
        BitSet union = new BitSet();
        for (String key : keys) {
            BitSet ids = postings.get(key);
            if (ids != null) {
                union.or(ids);
            }
        }
        return union;
    }
}
