package io.strata.raft.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one peer of a Raft group said about the group when asked, or that it could not be asked.
 *
 * @param nodeId the peer asked
 * @param reachable whether it answered; when false only {@code error} is meaningful
 * @param leader whether it leads the group
 * @param leaderId the peer it believes leads the group, if any
 * @param commitIndex the last index it knows to be committed
 * @param appliedIndex the last index it applied to its shard
 * @param commitIndexes the commit index of each peer (node id → index) as this peer last heard it; a
 *     leader hears every follower, so its map says how far a follower that no longer answers got
 * @param error why it did not answer (empty when it did)
 */
public record PeerReport(String nodeId, boolean reachable, boolean leader, Optional<String> leaderId,
        long commitIndex, long appliedIndex, Map<String, Long> commitIndexes, String error) {
    public PeerReport {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(leaderId, "leaderId");
        commitIndexes = Map.copyOf(commitIndexes);
        Objects.requireNonNull(error, "error");
    }

    /** A peer that could not be asked, and why. */
    public static PeerReport unreachable(String nodeId, String error) {
        return new PeerReport(nodeId, false, false, Optional.empty(), -1, -1, Map.of(), error);
    }
}
