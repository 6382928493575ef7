package io.strata.raft;

import io.strata.raft.statemachine.ReplicatedShard;
import io.strata.raft.statemachine.ReplicatedShardFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Opens {@link CommandLogShard}s for one node incarnation and keeps them for inspection. */
final class CommandLogShards implements ReplicatedShardFactory {
    private final Map<GroupId, CommandLogShard> opened = new ConcurrentHashMap<>();

    @Override
    public ReplicatedShard open(GroupId groupId, Path dataDirectory) {
        CommandLogShard shard = new CommandLogShard();
        opened.put(groupId, shard);
        return shard;
    }

    Optional<CommandLogShard> shard(GroupId groupId) {
        return Optional.ofNullable(opened.get(groupId));
    }
}
