package io.strata.bench.cluster;

import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.shard.ShardGroups;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.LogInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.util.TimeDuration;

/**
 * Asks the peers of the cluster's Raft groups, over Ratis's own admin RPC, who leads and how far
 * each replica has applied the log: what a benchmark compares to tell that a leader was elected or
 * that a restarted replica caught up, without any access to the nodes' memory.
 *
 * <p>One call per peer, each bounded by a short timeout and never retried: a peer that is down
 * answers nothing ({@link Optional#empty()}). Not thread-safe (one harness thread polls); close it
 * to release the Ratis clients.
 */
final class RaftGroupProbe implements AutoCloseable {
    private static final TimeDuration CALL_TIMEOUT = TimeDuration.valueOf(1, TimeUnit.SECONDS);

    private final Map<String, NodeEndpoint> endpoints;
    private final Map<GroupId, RaftClient> clients = new HashMap<>();

    /** @param endpoints every node's Raft endpoint, by node id */
    RaftGroupProbe(Map<String, NodeEndpoint> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    /** Each peer's view of {@code group}, in placement order; empty for a peer that did not answer. */
    List<Optional<ReplicaStatus>> statuses(Placement placement, GroupId group) {
        List<Optional<ReplicaStatus>> statuses = new ArrayList<>();
        for (String peer : placement.group(group).peers()) {
            statuses.add(status(placement, group, peer));
        }
        return statuses;
    }

    /** {@code nodeId}'s view of {@code group}, or empty if it does not answer (down, or not hosting it yet). */
    Optional<ReplicaStatus> status(Placement placement, GroupId group, String nodeId) {
        RaftClient client = clients.computeIfAbsent(group, ignored -> newClient(placement, group));
        try {
            GroupInfoReply reply = client.getGroupManagementApi(RaftPeerId.valueOf(nodeId))
                    .info(ShardGroups.raftGroupOf(group).raftGroupId());
            if (!reply.isSuccess()) {
                return Optional.empty();
            }
            RoleInfoProto role = reply.getRoleInfoProto();
            boolean leader = role.getRole() == RaftPeerRole.LEADER;
            Optional<String> leaderId = leader ? Optional.of(nodeId)
                    : role.hasFollowerInfo() && role.getFollowerInfo().hasLeaderInfo()
                            ? Optional.of(role.getFollowerInfo().getLeaderInfo().getId().getId().toStringUtf8())
                                    .filter(id -> !id.isEmpty())
                            : Optional.empty();
            LogInfoProto log = reply.getLogInfoProto();
            return Optional.of(new ReplicaStatus(nodeId, leader, leaderId, log.getLastEntry().getTerm(),
                    log.getApplied().getIndex(), log.getCommitted().getIndex()));
        } catch (IOException | RuntimeException notAnswering) {
            return Optional.empty();
        }
    }

    /** The peer that reports itself leader of {@code group}, if one answers so. */
    Optional<ReplicaStatus> leader(Placement placement, GroupId group) {
        return statuses(placement, group).stream().flatMap(Optional::stream).filter(ReplicaStatus::leader)
                .max((left, right) -> Long.compare(left.lastEntryTerm(), right.lastEntryTerm()));
    }

    private RaftClient newClient(Placement placement, GroupId group) {
        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties, CALL_TIMEOUT);
        RaftGroup raftGroup = RaftGroup.valueOf(ShardGroups.raftGroupOf(group).raftGroupId(),
                placement.group(group).peers().stream()
                        .map(peer -> Objects.requireNonNull(endpoints.get(peer), () -> "no endpoint for " + peer).raftPeer())
                        .toList());
        return RaftClient.newBuilder().setRaftGroup(raftGroup).setProperties(properties)
                .setRetryPolicy(RetryPolicies.noRetry()).build();
    }

    @Override
    public void close() {
        for (RaftClient client : clients.values()) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing only releases channels
            }
        }
        clients.clear();
    }
}
