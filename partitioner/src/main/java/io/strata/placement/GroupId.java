package io.strata.placement;

/**
 * A Raft group by its index in the cluster's placement, {@code 0 .. groupCount-1}. The Raft layer
 * derives its own group identifier (a UUID for Ratis) from this index, deterministically.
 */
public record GroupId(int index) implements Comparable<GroupId> {
    public GroupId {
        if (index < 0) {
            throw new IllegalArgumentException("group index must be >= 0, got " + index);
        }
    }

    @Override
    public int compareTo(GroupId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "group-" + index;
    }
}
