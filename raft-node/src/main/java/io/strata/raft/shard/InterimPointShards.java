package io.strata.raft.shard;

import io.strata.raft.GroupId;
import io.strata.raft.statemachine.ReplicatedShard;
import io.strata.raft.statemachine.ReplicatedShardFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens an {@link InterimPointShard} per group and remembers the open ones, so a node can show (and
 * tests can compare) what each replica holds. Thread-safe: Ratis opens groups from several threads.
 */
public final class InterimPointShards implements ReplicatedShardFactory {
    private final Map<GroupId, InterimPointShard> open = new ConcurrentHashMap<>();

    @Override
    public ReplicatedShard open(GroupId groupId, Path dataDirectory) {
        InterimPointShard shard = new InterimPointShard();
        open.put(groupId, shard);
        return shard;
    }

    /** The replica of {@code groupId} this node opened last, if any. */
    public Optional<InterimPointShard> shard(GroupId groupId) {
        return Optional.ofNullable(open.get(groupId));
    }
}
