package io.strata.placement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The peers of one Raft group: where placement wants it ({@code peers}) and the Raft configuration
 * last confirmed committed ({@code configuration}). The two differ while the group moves: the
 * group's leader adds the {@link #joining()} peers to the Raft configuration first and removes the
 * {@link #leaving()} ones after, then records {@code configuration = peers}. A move is therefore
 * always a Raft membership change, never a local reassignment.
 *
 * <p>{@code peers.get(0)} is the preferred leader: the Raft layer transfers leadership there when
 * it can, which is how leaders stay spread over nodes.
 *
 * @param peers         node ids, no duplicates; three in a complete placement (one per zone)
 * @param configuration node ids of the last committed Raft configuration placement knows of; equal
 *                      to {@code peers} (as a set) when no move is pending; empty for a group never
 *                      started, whose peers start it together with the full peer list
 */
public record GroupPlacement(GroupId group, List<String> peers, List<String> configuration) {
    public GroupPlacement {
        Objects.requireNonNull(group, "group");
        peers = List.copyOf(peers);
        configuration = List.copyOf(configuration);
        if (peers.stream().distinct().count() != peers.size()) {
            throw new IllegalArgumentException(group + " has a node twice: " + peers);
        }
        if (configuration.stream().distinct().count() != configuration.size()) {
            throw new IllegalArgumentException(group + " has a node twice in its configuration: " + configuration);
        }
    }

    /** A group whose Raft configuration is its peers: no move pending. */
    public GroupPlacement(GroupId group, List<String> peers) {
        this(group, peers, peers);
    }

    /** The preferred leader, or {@code null} for a group with no peers yet. */
    public String preferredLeader() {
        return peers.isEmpty() ? null : peers.getFirst();
    }

    /** Peers placement added that the Raft configuration does not have yet: they start empty. */
    public Set<String> joining() {
        Set<String> joining = new LinkedHashSet<>(peers);
        configuration.forEach(joining::remove);
        return joining;
    }

    /** Members of the Raft configuration that placement no longer wants: removed after the joiners. */
    public Set<String> leaving() {
        Set<String> leaving = new LinkedHashSet<>(configuration);
        peers.forEach(leaving::remove);
        return leaving;
    }

    /** Whether the Raft configuration is known to be the placement's peers. */
    public boolean settled() {
        return joining().isEmpty() && leaving().isEmpty();
    }

    /** Every node that holds, or is about to hold, a replica of the group. */
    public Set<String> replicaHolders() {
        Set<String> holders = new LinkedHashSet<>(peers);
        holders.addAll(configuration);
        return holders;
    }

    /** This group with its move recorded as done: the Raft configuration is now {@code peers}. */
    public GroupPlacement settle() {
        return new GroupPlacement(group, peers, peers);
    }
}
