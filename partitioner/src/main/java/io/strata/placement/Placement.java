package io.strata.placement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where every Raft group of the cluster lives. Immutable. {@code epoch} grows by one with every
 * change the cluster manager writes, so a node can tell a newer placement from an older one
 * regardless of the order it reads them in.
 *
 * @param groups one entry per group, in index order {@code 0 .. n-1}
 */
public record Placement(long epoch, List<GroupPlacement> groups) {
    public Placement {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0");
        }
        groups = List.copyOf(groups);
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).group().index() != i) {
                throw new IllegalArgumentException("groups must be in index order 0..n-1; found "
                        + groups.get(i).group() + " at position " + i);
            }
        }
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
