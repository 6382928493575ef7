package io.strata.raft.server;

import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A group's Raft configuration as one node knows it.
 *
 * @param peers   the voting members of the newest configuration this node has (the new one while a
 *                change is in progress)
 * @param settled whether that configuration is committed and not a joint (old + new) one: only
 *                then may another change start
 */
public record GroupConfiguration(GroupId groupId, List<NodeEndpoint> peers, boolean settled) {
    public GroupConfiguration {
        Objects.requireNonNull(groupId, "groupId");
        peers = List.copyOf(peers);
    }

    public Set<String> nodeIds() {
        return peers.stream().map(NodeEndpoint::nodeId).collect(Collectors.toUnmodifiableSet());
    }
}
