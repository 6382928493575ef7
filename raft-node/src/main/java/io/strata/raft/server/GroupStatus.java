package io.strata.raft.server;

import io.strata.raft.GroupId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node knows about one of its groups at one moment.
 *
 * @param leader whether this node is the group's leader
 * @param leaderId the node this node believes leads the group, if any
 * @param term this node's current term in the group
 * @param lastAppliedIndex the last log index applied to this node's shard
 * @param commitIndex the last log index this node knows to be committed
 * @param logStartIndex the first index still in this node's log (grows as the log is purged)
 * @param snapshotIndex the index of this node's latest snapshot, or -1 if none
 */
public record GroupStatus(
        GroupId groupId,
        String nodeId,
        boolean leader,
        Optional<String> leaderId,
        long term,
        long lastAppliedIndex,
        long logStartIndex,
        long snapshotIndex,
        long commitIndex) {
    public GroupStatus {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(leaderId, "leaderId");
    }
}
