package io.strata.partition;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The partition function of one table: time → slot, partition key → bucket.
 *
 * <p>The bucket is {@code Long.remainderUnsigned(xxh64(keyBytes, seed 0), bucketCount)} where
 * {@code keyBytes} is:
 * <ul>
 *   <li>{@link PartitionKey.Kind#DIMENSION}: the UTF-8 bytes of that dimension's value, or no bytes
 *       when a record lacks it (OPTIONAL enforcement);</li>
 *   <li>{@link PartitionKey.Kind#MEASURE_NAME}: the UTF-8 bytes of {@code measure_name};</li>
 *   <li>{@link PartitionKey.Kind#SERIES}: for each dimension in ascending {@link String#compareTo}
 *       order, a 4-byte big-endian UTF-8 length and the UTF-8 bytes of its name, then of its value;
 *       then the measure name the same way. Length prefixes keep distinct series distinct.</li>
 * </ul>
 * This is a storage format: every node, every version must compute the same bucket.
 *
 * <p>Thread-safe and allocation-free per row (the hasher is per thread). Stateless apart from the
 * table's settings.
 */
public final class PartitionFunction {
    private static final ThreadLocal<XxHash64> HASHER = ThreadLocal.withInitial(XxHash64::new);

    private final String database;
    private final String table;
    private final PartitionSettings settings;
    private final long slotWidthNanos;

    public PartitionFunction(String database, String table, PartitionSettings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = Objects.requireNonNull(table, "table");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.slotWidthNanos = settings.slotWidthNanos();
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    public PartitionSettings settings() {
        return settings;
    }

    /** The slot index of {@code timeNanos} (nanoseconds since the epoch). */
    public long timeSlotOf(long timeNanos) {
        return Math.floorDiv(timeNanos, slotWidthNanos);
    }

    /** The first nanosecond of slot {@code timeSlot}. */
    public long slotStartNanos(long timeSlot) {
        return Math.multiplyExact(timeSlot, slotWidthNanos);
    }

    /**
     * The bucket of a series.
     *
     * @param dimensions the series' dimensions, sorted by name in natural order (a {@code TreeMap}
     *                   without comparator): the order is part of the hash
     */
    public int bucketOf(String measureName, SortedMap<String, String> dimensions) {
        Objects.requireNonNull(measureName, "measureName");
        return switch (settings.key().kind()) {
            case DIMENSION -> bucketOfKeyValue(dimensions.get(settings.key().dimensionName()));
            case MEASURE_NAME -> bucketOfKeyValue(measureName);
            case SERIES -> seriesBucket(measureName, dimensions);
        };
    }

    /**
     * The bucket of rows whose partition-key value is {@code keyValue} ({@code null}: the key
     * dimension is absent). Only meaningful when the key is {@link PartitionKey#prunableByEquality()}.
     */
    public int bucketOfKeyValue(String keyValue) {
        XxHash64 hasher = HASHER.get().reset(0);
        if (keyValue != null) {
            hasher.updateUtf8(keyValue);
        }
        return bucket(hasher.digest());
    }

    public PartitionId partitionOf(long timeNanos, String measureName, SortedMap<String, String> dimensions) {
        return new PartitionId(database, table, timeSlotOf(timeNanos), bucketOf(measureName, dimensions));
    }

    private int seriesBucket(String measureName, SortedMap<String, String> dimensions) {
        if (dimensions.comparator() != null) {
            throw new IllegalArgumentException("dimensions must be in natural (String.compareTo) order");
        }
        XxHash64 hasher = HASHER.get().reset(0);
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            lengthPrefixed(hasher, dimension.getKey());
            lengthPrefixed(hasher, dimension.getValue());
        }
        lengthPrefixed(hasher, measureName);
        return bucket(hasher.digest());
    }

    private static void lengthPrefixed(XxHash64 hasher, String text) {
        hasher.updateInt(XxHash64.utf8Length(text)).updateUtf8(text);
    }

    private int bucket(long hash) {
        return (int) Long.remainderUnsigned(hash, settings.bucketCount());
    }
}
