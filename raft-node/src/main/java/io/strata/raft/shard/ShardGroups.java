package io.strata.raft.shard;

import io.strata.raft.GroupId;

/**
 * The one mapping from a placement group (an index {@code 0..n-1}) to its Ratis group id. Ratis
 * names each group's directory by this id on every node, so it must never change.
 */
public final class ShardGroups {
    private static final String NAME_PREFIX = "strata-shard-";

    private ShardGroups() {}

    public static GroupId raftGroupOf(io.strata.placement.GroupId group) {
        return GroupId.named(NAME_PREFIX + group.index());
    }
}
