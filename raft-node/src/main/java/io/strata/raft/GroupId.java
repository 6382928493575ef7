package io.strata.raft;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;

/**
 * The identity of one Raft group (one replicated shard). Ratis names a group by a UUID and uses it
 * as the group's directory name on every node, so the id must be stable across restarts: derive it
 * from a stable name with {@link #named(String)}.
 */
public record GroupId(UUID uuid) {
    public GroupId {
        Objects.requireNonNull(uuid, "uuid");
    }

    /** The same name always gives the same id, on every node. */
    public static GroupId named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a group name must not be blank");
        }
        return new GroupId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    public static GroupId of(RaftGroupId raftGroupId) {
        return new GroupId(raftGroupId.getUuid());
    }

    public RaftGroupId raftGroupId() {
        return RaftGroupId.valueOf(uuid);
    }

    @Override
    public String toString() {
        return "group-" + uuid;
    }
}
