package io.strata.placement;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where every Raft group of the cluster lives. Immutable. {@code epoch} grows by one with every
 * change the cluster manager writes, so a node can tell a newer placement from an older one
 * regardless of the order it reads them in.
 *
 * @param groups one entry per group, in index order {@code 0 .. n-1}
 * @param zones  the zone of every node the groups name, by node id: the cluster manager still knows
 *               where a departed node lived (to keep its groups through the departure grace, and to
 *               replace it in its own zone) after the node's registration is gone
 */
public record Placement(long epoch, List<GroupPlacement> groups, Map<String, String> zones) {
    public Placement {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0");
        }
        groups = List.copyOf(groups);
        zones = Collections.unmodifiableMap(new TreeMap<>(zones));
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).group().index() != i) {
                throw new IllegalArgumentException("groups must be in index order 0..n-1; found "
                        + groups.get(i).group() + " at position " + i);
            }
        }
    }

    /** A placement that does not know its nodes' zones (as written before zones were recorded). */
    public Placement(long epoch, List<GroupPlacement> groups) {
        this(epoch, groups, Map.of());
    }

    /** The zone {@code nodeId} was placed in, if this placement recorded it. */
    public Optional<String> zoneOf(String nodeId) {
        return Optional.ofNullable(zones.get(nodeId));
    }

    /** Whether every group's Raft configuration is known to be its peers (no move pending). */
    public boolean settled() {
        return groups.stream().allMatch(GroupPlacement::settled);
    }

    /** {@code groupCount} groups with no peers yet, epoch 0: the start of every plan. */
    public static Placement unassigned(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("group count must be >= 1, got " + groupCount);
        }
        GroupPlacement[] groups = new GroupPlacement[groupCount];
        for (int i = 0; i < groupCount; i++) {
            groups[i] = new GroupPlacement(new GroupId(i), List.of());
        }
        return new Placement(0, List.of(groups));
    }

    public int groupCount() {
        return groups.size();
    }

    public GroupPlacement group(GroupId group) {
        Objects.requireNonNull(group, "group");
        return groups.get(group.index());
    }

    public List<GroupId> groupIds() {
        return groups.stream().map(GroupPlacement::group).toList();
    }

    /** Groups each node is a peer of, by node id. */
    public Map<String, Integer> peerCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (GroupPlacement group : groups) {
            group.peers().forEach(peer -> counts.merge(peer, 1, Integer::sum));
        }
        return counts;
    }

    /** Groups each node is the preferred leader of, by node id. */
    public Map<String, Integer> leaderCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (GroupPlacement group : groups) {
            if (group.preferredLeader() != null) {
                counts.merge(group.preferredLeader(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
