package io.strata.tier.magnetic;

import java.util.Objects;

/**
 * One segment as a manifest lists it.
 *
 * @param key the segment's blob key
 * @param minTime earliest row time (nanoseconds)
 * @param maxTime latest row time
 * @param level 0 for a segment written by a seal or a late write; one more than its inputs' for a
 *     compaction output
 * @param sequence the Raft index of the newest command whose rows the segment holds: of two rows
 *     with the same series, time and version, the one from the higher sequence wins
 */
public record SegmentDescriptor(String key, long minTime, long maxTime, long rowCount, long sizeBytes, int level,
        long sequence) {
    public SegmentDescriptor {
        Objects.requireNonNull(key, "key");
        if (rowCount <= 0 || maxTime < minTime || sizeBytes <= 0 || level < 0) {
            throw new IllegalArgumentException("invalid segment descriptor for " + key);
        }
    }

    public boolean overlaps(io.strata.tier.segment.TimeRange range) {
        return range.overlaps(minTime, maxTime);
    }
}
