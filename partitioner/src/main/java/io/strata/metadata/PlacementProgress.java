package io.strata.metadata;

import io.strata.placement.GroupId;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Records in the stored placement that a group's move is done: its leader has committed a Raft
 * configuration equal to the group's placed peers, so {@link GroupPlacement#configuration()}
 * becomes those peers and the placement's epoch grows by one. Nodes that were left out of the
 * configuration then drop their replica of the group.
 *
 * <p>Written by a group's leader, not by the cluster manager: only the leader knows when the
 * membership change committed. The write compares the placement's znode version, so it never
 * overwrites a newer plan: when the manager changed the group's peers meanwhile, nothing is
 * recorded and the leader goes on towards the new peers.
 *
 * <p>Thread-safe (stateless but for the client). Idempotent: recording a move already recorded,
 * or one whose peers are no longer the placed ones, writes nothing.
 */
public final class PlacementProgress {
    private final CuratorFramework client;
    private final MetadataPaths paths;

    public PlacementProgress(CuratorFramework client, MetadataPaths paths) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /**
     * Records that {@code group}'s committed Raft configuration is {@code committedPeers}.
     *
     * @return whether the placement was written (false: nothing to record, or the placement changed
     *     meanwhile; the caller tries again on its next round)
     */
    public boolean recordConfiguration(GroupId group, Set<String> committedPeers) throws Exception {
        Stat stat = new Stat();
        Placement current;
        try {
            current = PlacementCodec.fromBytes(client.getData().storingStatIn(stat).forPath(paths.placement()));
        } catch (KeeperException.NoNodeException none) {
            return false;
        }
        if (group.index() >= current.groupCount()) {
            return false;
        }
        GroupPlacement placed = current.group(group);
        if (placed.settled() || !new HashSet<>(placed.peers()).equals(committedPeers)) {
            return false;
        }
        List<GroupPlacement> groups = new ArrayList<>(current.groups());
        groups.set(group.index(), placed.settle());
        Set<String> named = new HashSet<>();
        groups.forEach(each -> named.addAll(each.replicaHolders()));
        Map<String, String> zones = new TreeMap<>(current.zones());
        zones.keySet().retainAll(named);
        Placement next = new Placement(current.epoch() + 1, groups, zones);
        try {
            client.setData().withVersion(stat.getVersion()).forPath(paths.placement(), PlacementCodec.toBytes(next));
            return true;
        } catch (KeeperException.BadVersionException raced) {
            return false;
        }
    }
}
