package io.strata.placement;

import java.util.List;
import java.util.Objects;

/**
 * The peers of one Raft group. {@code peers.get(0)} is the preferred leader: the Raft layer
 * transfers leadership there when it can, which is how leaders stay spread over nodes.
 *
 * @param peers node ids, no duplicates; three in a complete placement (one per zone)
 */
public record GroupPlacement(GroupId group, List<String> peers) {
    public GroupPlacement {
        Objects.requireNonNull(group, "group");
        peers = List.copyOf(peers);
        if (peers.stream().distinct().count() != peers.size()) {
            throw new IllegalArgumentException(group + " has a node twice: " + peers);
        }
    }

    /** The preferred leader, or {@code null} for a group with no peers yet. */
    public String preferredLeader() {
        return peers.isEmpty() ? null : peers.getFirst();
    }
}
