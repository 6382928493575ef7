package io.strata.observability;

/**
 * What the metrics read from one shard's storage (the tiers of one Raft group on this node), at each scrape.
 *
 * <p>Called on the metrics server's threads, concurrently with apply: implementations must be
 * thread-safe, must not block and must not throw. The values may be slightly stale.
 */
public interface ShardProbe {
    /** Rows held in the memory store. */
    long memoryStoreRows();

    /** Bytes the memory store holds in RAM. */
    long memoryStoreBytes();

    /** Immutable segments in the magnetic store. */
    long magneticSegments();

    /** Bytes of those segments. */
    long magneticBytes();

    /**
     * How far migration is behind, in seconds: the age of the oldest memory-store row past the table's
     * memory retention that is not yet sealed into a segment; 0 when migration is up to date.
     */
    double migrationLagSeconds();
}
