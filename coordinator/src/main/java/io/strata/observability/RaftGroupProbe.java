package io.strata.observability;

/**
 * What the metrics read from one Raft group this node hosts, at each scrape.
 *
 * <p>Called on the metrics server's threads, concurrently with the group's own threads: implementations
 * must be thread-safe, must not block and must not throw. The values may be slightly stale.
 */
public interface RaftGroupProbe {
    /** Whether this node is currently the group's leader. */
    boolean isLeader();

    /** Bytes of Raft log this node keeps for the group (not yet purged after a snapshot). */
    long logSizeBytes();

    /** The last log index this node knows to be committed; -1 when unknown. */
    long commitIndex();

    /** The last log index this node applied to its shard; -1 when unknown. */
    long appliedIndex();
}
