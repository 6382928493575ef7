package io.strata.tier.shard;

/**
 * A segment the magnetic tier has written durably but not yet made visible. The shard publishes it
 * under its write lock together with dropping the sealed rows from memory, so a reader sees the
 * rows in exactly one of the two tiers.
 */
@FunctionalInterface
public interface PendingSegment {
    /** A pending segment with nothing to publish (the seal was already applied before a restart). */
    PendingSegment NOTHING = () -> { };

    /**
     * Makes the segment visible to {@link MagneticView views} taken afterwards. Must be quick (a
     * manifest switch in memory; the files are already written) and must not fail for lack of
     * resources: the shard calls it while holding its write lock.
     */
    void publish();
}
