package io.strata.raft.client;

import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import java.io.IOException;
import java.time.Duration;
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
import org.apache.ratis.proto.RaftProtos.CommitInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.util.TimeDuration;

/**
 * Asks every peer of a Raft group, through Ratis's group-info call on the peer's Raft port, what it
 * knows of the group: role, leader, commit and applied index, and (from a leader) how far
 * each follower has committed. For {@code strata admin cluster status}; not on any data path.
 *
 * <p>Thread-safe and stateless: each {@link #inspect} opens one Ratis client, asks the peers one
 * after the other with no retry (a peer that does not answer within the timeout is reported
 * unreachable) and closes the client. Read-only: asking changes nothing on the peers.
 */
public final class GroupPeerInspector {
    private final Duration timeout;

    /** @param timeout how long one peer may take to answer */
    public GroupPeerInspector(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** One report per peer, in the order of {@code peers}. */
    public List<PeerReport> inspect(GroupId group, List<NodeEndpoint> peers) {
        Objects.requireNonNull(group, "group");
        if (peers.isEmpty()) {
            return List.of();
        }
        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties,
                TimeDuration.valueOf(timeout.toMillis(), TimeUnit.MILLISECONDS));
        Map<String, String> nodeIdsByPeerId = new HashMap<>();
        peers.forEach(peer -> nodeIdsByPeerId.put(peer.raftPeerId().toString(), peer.nodeId()));
        List<PeerReport> reports = new ArrayList<>(peers.size());
        try (RaftClient client = RaftClient.newBuilder()
                .setRaftGroup(RaftGroup.valueOf(group.raftGroupId(), peers.stream().map(NodeEndpoint::raftPeer).toList()))
                .setProperties(properties)
                .setRetryPolicy(RetryPolicies.noRetry())
                .build()) {
            for (NodeEndpoint peer : peers) {
                reports.add(ask(client, group, peer, nodeIdsByPeerId));
            }
        } catch (IOException closing) {
            // Closing a client that could not reach a peer: the reports already say so.
        }
        return reports;
    }

    private static PeerReport ask(RaftClient client, GroupId group, NodeEndpoint peer,
            Map<String, String> nodeIdsByPeerId) {
        GroupInfoReply reply;
        try {
            reply = client.getGroupManagementApi(peer.raftPeerId()).info(group.raftGroupId());
        } catch (IOException | RuntimeException e) {
            return PeerReport.unreachable(peer.nodeId(), describe(e));
        }
        if (reply == null || !reply.isSuccess()) {
            return PeerReport.unreachable(peer.nodeId(), reply == null || reply.getException() == null
                    ? "no answer" : describe(reply.getException()));
        }
        RoleInfoProto role = reply.getRoleInfoProto();
        Optional<String> leaderId = Optional.empty();
        if (role.getRole() == RaftPeerRole.LEADER) {
            leaderId = Optional.of(peer.nodeId());
        } else if (role.hasFollowerInfo() && role.getFollowerInfo().hasLeaderInfo()) {
            String leaderPeerId = role.getFollowerInfo().getLeaderInfo().getId().getId().toStringUtf8();
            leaderId = Optional.ofNullable(nodeIdsByPeerId.getOrDefault(leaderPeerId, leaderPeerId))
                    .filter(id -> !id.isEmpty());
        }
        Map<String, Long> commitIndexes = new HashMap<>();
        for (CommitInfoProto info : reply.getCommitInfos()) {
            String peerId = info.getServer().getId().toStringUtf8();
            commitIndexes.put(nodeIdsByPeerId.getOrDefault(peerId, peerId), info.getCommitIndex());
        }
        long committed = reply.getLogInfoProto().hasCommitted() ? reply.getLogInfoProto().getCommitted().getIndex()
                : commitIndexes.getOrDefault(peer.nodeId(), -1L);
        long applied = reply.getLogInfoProto().hasApplied() ? reply.getLogInfoProto().getApplied().getIndex() : -1;
        return new PeerReport(peer.nodeId(), true, role.getRole() == RaftPeerRole.LEADER, leaderId,
                committed, applied, commitIndexes, "");
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
