package io.strata.tier.magnetic;

import java.util.Comparator;
import java.util.List;

/**
 * The segments of one partition at one moment. Replaced as a whole (one atomic put), so a reader
 * sees the old list or the new one, never a mix.
 *
 * @param generation how many times the manifest has been replaced; 0 for a partition never written
 * @param raftIndex the Raft index of the last command applied to this partition: a replayed
 *     command at or below it is a no-op, which makes every change idempotent
 * @param segments in ascending {@link SegmentDescriptor#sequence()} order
 */
public record Manifest(long generation, long raftIndex, List<SegmentDescriptor> segments) {
    public static final Manifest EMPTY = new Manifest(0, 0, List.of());

    public Manifest {
        segments = List.copyOf(segments);
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i - 1).sequence() > segments.get(i).sequence()) {
                throw new IllegalArgumentException("segments out of sequence order");
            }
        }
    }

    /** The next manifest: these segments, sorted by sequence (then key, for a stable order). */
    Manifest next(long newRaftIndex, List<SegmentDescriptor> newSegments) {
        List<SegmentDescriptor> sorted = newSegments.stream()
                .sorted(Comparator.comparingLong(SegmentDescriptor::sequence).thenComparing(SegmentDescriptor::key))
                .toList();
        return new Manifest(generation + 1, newRaftIndex, sorted);
    }

    public long rowCount() {
        return segments.stream().mapToLong(SegmentDescriptor::rowCount).sum();
    }

    public long sizeBytes() {
        return segments.stream().mapToLong(SegmentDescriptor::sizeBytes).sum();
    }
}
