package io.strata.partition;

import io.strata.core.error.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How one table is cut into partitions: time slots of {@link #slotWidth()} × {@link #bucketCount()}
 * hash buckets of its {@link #key()}. Fixed when the table is created: changing either number
 * moves every row to another partition.
 *
 * <p>Defaults ({@link #defaults()}): <b>1-day slots</b>, because magnetic retention is counted in
 * days and expiry then drops whole slots instead of rewriting segments, the usual dashboard ranges
 * (last hour, last day) touch one or two slots, and a year is only 365 slots per bucket. <b>16
 * buckets</b>, because that spreads one table's ingest over up to 16 Raft groups (a three-zone
 * cluster of 3–6 nodes runs a handful of groups per node), while a query without a partition-key
 * predicate fans out to at most 16 shards per slot.
 *
 * @param slotWidth   width of a time slot; whole seconds, 1 minute to 366 days
 * @param bucketCount number of hash buckets, 1 to 4096
 * @param key         what is hashed into a bucket
 */
public record PartitionSettings(Duration slotWidth, int bucketCount, PartitionKey key) {
    public static final Duration DEFAULT_SLOT_WIDTH = Duration.ofDays(1);
    public static final int DEFAULT_BUCKET_COUNT = 16;
    private static final Duration MIN_SLOT_WIDTH = Duration.ofMinutes(1);
    private static final Duration MAX_SLOT_WIDTH = Duration.ofDays(366);
    private static final int MAX_BUCKET_COUNT = 4096;

    public PartitionSettings {
        Objects.requireNonNull(slotWidth, "slotWidth");
        Objects.requireNonNull(key, "key");
        if (slotWidth.compareTo(MIN_SLOT_WIDTH) < 0 || slotWidth.compareTo(MAX_SLOT_WIDTH) > 0
                || slotWidth.getNano() != 0) {
            throw new ValidationException("Partition slot width must be whole seconds between "
                    + MIN_SLOT_WIDTH + " and " + MAX_SLOT_WIDTH + ", got " + slotWidth + ".");
        }
        if (bucketCount < 1 || bucketCount > MAX_BUCKET_COUNT) {
            throw new ValidationException(
                    "Partition bucket count must be between 1 and " + MAX_BUCKET_COUNT + ", got " + bucketCount + ".");
        }
    }

    /** 1-day slots, 16 buckets, hashed by series. */
    public static PartitionSettings defaults() {
        return new PartitionSettings(DEFAULT_SLOT_WIDTH, DEFAULT_BUCKET_COUNT, PartitionKey.series());
    }

    /** The defaults with another partition key. */
    public static PartitionSettings defaultsWithKey(PartitionKey key) {
        return new PartitionSettings(DEFAULT_SLOT_WIDTH, DEFAULT_BUCKET_COUNT, key);
    }

    public long slotWidthNanos() {
        return slotWidth.toNanos();
    }
}
