package io.strata.bench.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What one peer of a Raft group reports about itself (Ratis group info), from another process.
 *
 * @param nodeId the peer asked
 * @param leader whether it is the group's leader now
 * @param leaderId the leader it knows of, if any
 * @param lastEntryTerm the term of its last log entry
 * @param appliedIndex the last log index applied to its shard replica
 * @param committedIndex the last index it knows to be committed (the leader's is authoritative)
 */
record ReplicaStatus(String nodeId, boolean leader, Optional<String> leaderId, long lastEntryTerm, long appliedIndex,
                     long committedIndex) {
    ReplicaStatus {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(leaderId, "leaderId");
    }
}
