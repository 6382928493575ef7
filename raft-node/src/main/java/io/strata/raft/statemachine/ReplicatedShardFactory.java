package io.strata.raft.statemachine;

import io.strata.raft.GroupId;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the local replica of a group's shard. Called once per group each time a node hosts the
 * group: when the group is added, and for every group found on disk when the node restarts.
 * May be called from several threads at once for different groups.
 */
@FunctionalInterface
public interface ReplicatedShardFactory {

    /**
     * @param groupId the group whose replica to open
     * @param dataDirectory a directory owned by this replica for its live data; it survives
     *     restarts and is deleted with the group
     */
    ReplicatedShard open(GroupId groupId, Path dataDirectory) throws IOException;
}
