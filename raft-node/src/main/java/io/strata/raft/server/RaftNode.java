package io.strata.raft.server;

import io.strata.core.error.InternalServerException;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.statemachine.ReplicatedShardFactory;
import io.strata.raft.statemachine.ShardStateMachine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's Raft server: a single Ratis {@link RaftServer} (gRPC transport, one storage
 * directory) hosting any number of groups, each driving its own replica of a shard.
 *
 * <p>Groups are added with their full peer list on every peer ({@link #addGroup}); each node
 * adds the group to itself, and the peers elect a leader once a majority of them host it. A group
 * that already runs changes members only through Raft: the new node {@link #joinGroup joins}
 * empty, and the group's leader {@link #changeConfiguration changes the configuration}, which
 * catches the new node up (log or snapshot) before the change commits. Groups
 * live in the storage directory: a node restarted on the same directory hosts them again, and
 * catches up from its peers' logs or, when those were purged, from a peer's snapshot.
 *
 * <p>Thread-safe. {@link #start()} and {@link #close()} are called once each; group management
 * and status calls may come from any thread while the node runs.
 */
public final class RaftNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
    /** How often the node looks for groups that stopped on their own, and the longest wait between reopens. */
    private static final Duration STOPPED_GROUP_CHECK = Duration.ofSeconds(1);
    private static final Duration STOPPED_GROUP_MAXIMUM_DELAY = Duration.ofSeconds(30);

    private final RaftNodeSettings settings;
    private final ReplicatedShardFactory shardFactory;
    private final ClientId managementClientId = ClientId.randomId();
    private final AtomicLong managementCallIds = new AtomicLong();
    /** Held while groups are added or removed, on purpose or by the reopener. */
    private final Object groupChanges = new Object();
    private volatile RaftServer server;
    private volatile StoppedGroupReopener reopener;

    public RaftNode(RaftNodeSettings settings, ReplicatedShardFactory shardFactory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shardFactory = Objects.requireNonNull(shardFactory, "shardFactory");
    }

    public NodeEndpoint endpoint() {
        return settings.endpoint();
    }

    /** Binds the port and resumes every group found in the storage directory. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException(settings.endpoint() + " is already started");
        }
        RaftServer created = RaftServer.newBuilder()
                .setServerId(selfId())
                .setProperties(settings.toRaftProperties())
                .setStateMachineRegistry(groupId -> new ShardStateMachine(shardFactory))
                .build();
        created.start();
        server = created;
        reopener = new StoppedGroupReopener(created, selfId(), groupChanges, STOPPED_GROUP_CHECK,
                STOPPED_GROUP_MAXIMUM_DELAY);
        reopener.start();
        LOG.info("{}: Raft server started, hosting {}", settings.endpoint(), groups());
    }

    /**
     * Hosts {@code groupId} on this node with the given peers (this node among them). Idempotent:
     * adding a group this node already hosts does nothing.
     */
    public void addGroup(GroupId groupId, List<NodeEndpoint> peers) throws IOException {
        Objects.requireNonNull(groupId, "groupId");
        if (peers.stream().noneMatch(peer -> peer.nodeId().equals(settings.endpoint().nodeId()))) {
            throw new IllegalArgumentException("Node " + settings.endpoint().nodeId() + " is not a peer of " + groupId
                    + ": " + peers);
        }
        synchronized (groupChanges) {
            if (hosts(groupId) || halted(groupId).isPresent()) {
                return; // a halted group is being reopened from its own directory
            }
            RaftGroup group = RaftGroup.valueOf(groupId.raftGroupId(),
                    peers.stream().map(NodeEndpoint::raftPeer).toList());
            RaftClientReply reply = running().groupManagement(GroupManagementRequest.newAdd(
                    managementClientId, selfId(), managementCallIds.incrementAndGet(), group));
            if (!reply.isSuccess() && !hosts(groupId)) {
                throw new IOException(settings.endpoint() + " could not add " + groupId, reply.getException());
            }
        }
    }

    /**
     * Hosts {@code groupId} on this node with no configuration: the node neither campaigns nor
     * votes, and waits for the group's leader to add it by {@link #changeConfiguration} (which
     * sends it the log or a snapshot). Idempotent.
     */
    public void joinGroup(GroupId groupId) throws IOException {
        Objects.requireNonNull(groupId, "groupId");
        if (hosts(groupId)) {
            return;
        }
        RaftClientReply reply = running().groupManagement(GroupManagementRequest.newAdd(
                managementClientId, selfId(), managementCallIds.incrementAndGet(),
                RaftGroup.valueOf(groupId.raftGroupId())));
        if (!reply.isSuccess() && !hosts(groupId)) {
            throw new IOException(settings.endpoint() + " could not join " + groupId, reply.getException());
        }
    }

    /** The group's configuration as this node knows it, or empty if it does not host the group. */
    public Optional<GroupConfiguration> configuration(GroupId groupId) {
        if (!hosts(groupId)) {
            return Optional.empty();
        }
        try {
            RaftServer.Division division = running().getDivision(groupId.raftGroupId());
            RaftConfiguration conf = division.getRaftConf();
            List<NodeEndpoint> peers = new ArrayList<>();
            for (RaftPeer peer : conf.getCurrentPeers()) {
                peers.add(endpointOf(peer));
            }
            boolean settled = conf.getPreviousPeers().isEmpty()
                    && conf.getLogEntryIndex() <= division.getRaftLog().getLastCommittedIndex();
            return Optional.of(new GroupConfiguration(groupId, peers, settled));
        } catch (IOException removedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * Asks this node, as the group's leader, to make {@code peers} the group's voting members.
     * Ratis first catches new members up (as staging peers that do not count for the quorum), then
     * commits the joint and the new configuration. The future completes when the new configuration
     * is committed, and fails when this node is not the leader, another change is in progress, or
     * the new members could not be caught up in time: callers retry from the configuration they
     * read then, so a repeated change is harmless (setting the current configuration is a no-op).
     */
    public CompletableFuture<Void> changeConfiguration(GroupId groupId, List<NodeEndpoint> peers) {
        Objects.requireNonNull(groupId, "groupId");
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one peer");
        }
        SetConfigurationRequest request = new SetConfigurationRequest(managementClientId, selfId(),
                groupId.raftGroupId(), managementCallIds.incrementAndGet(),
                peers.stream().map(NodeEndpoint::raftPeer).toList());
        try {
            return running().setConfigurationAsync(request).thenCompose(reply -> reply.isSuccess()
                    ? CompletableFuture.<Void>completedFuture(null)
                    : CompletableFuture.<Void>failedFuture(new IOException(settings.endpoint()
                            + " could not change the configuration of " + groupId + " to " + peers,
                            reply.getException())));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether {@code peer}'s Raft server hosts {@code groupId} now, asked over the network. A
     * leader adds a joining peer only once it hosts the group: an append sent before that fails,
     * and Ratis then backs off that follower for long.
     */
    public boolean peerHosts(NodeEndpoint peer, GroupId groupId) {
        RaftProperties properties = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(properties, TimeDuration.valueOf(3, TimeUnit.SECONDS));
        try (RaftClient client = RaftClient.newBuilder()
                .setRaftGroup(RaftGroup.valueOf(groupId.raftGroupId(), peer.raftPeer()))
                .setProperties(properties)
                .setRetryPolicy(RetryPolicies.noRetry())
                .build()) {
            return client.getGroupManagementApi(peer.raftPeerId()).list().getGroupIds()
                    .contains(groupId.raftGroupId());
        } catch (IOException unreachable) {
            return false;
        }
    }

    private static NodeEndpoint endpointOf(RaftPeer peer) {
        String address = peer.getAddress();
        int colon = address.lastIndexOf(':');
        return new NodeEndpoint(peer.getId().toString(), address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)));
    }

    /** Stops hosting {@code groupId} and deletes its log, snapshots and shard data from this node. */
    public void removeGroup(GroupId groupId) throws IOException {
        synchronized (groupChanges) {
            Optional.ofNullable(reopener).ifPresent(stopped -> stopped.forget(groupId));
            if (!hosts(groupId)) {
                return;
            }
            RaftClientReply reply = running().groupManagement(GroupManagementRequest.newRemove(
                    managementClientId, selfId(), managementCallIds.incrementAndGet(), groupId.raftGroupId(), true,
                    false));
            if (!reply.isSuccess() && hosts(groupId)) {
                throw new IOException(settings.endpoint() + " could not remove " + groupId, reply.getException());
            }
        }
    }

    /**
     * Why this node's replica of {@code groupId} stopped, while it does: its shard failed to apply
     * a command (and halted rather than skip it) or its log could not be written. The node reopens
     * such a group by itself, as a restart would; empty when the group runs or is not hosted.
     */
    public Optional<String> halted(GroupId groupId) {
        StoppedGroupReopener current = reopener;
        return current == null ? Optional.empty() : current.halted(groupId);
    }

    public Set<GroupId> groups() {
        Set<GroupId> groups = new HashSet<>();
        for (RaftGroupId id : running().getGroupIds()) {
            groups.add(GroupId.of(id));
        }
        return groups;
    }

    public boolean hosts(GroupId groupId) {
        for (RaftGroupId id : running().getGroupIds()) {
            if (id.equals(groupId.raftGroupId())) {
                return true;
            }
        }
        return false;
    }

    /** This node's view of {@code groupId}, or empty if it does not host the group. */
    public Optional<GroupStatus> status(GroupId groupId) {
        if (!hosts(groupId)) {
            return Optional.empty();
        }
        RaftServer.Division division;
        try {
            division = running().getDivision(groupId.raftGroupId());
        } catch (IOException removedMeanwhile) {
            return Optional.empty();
        }
        DivisionInfo info = division.getInfo();
        SnapshotInfo snapshot = division.getStateMachine().getLatestSnapshot();
        return Optional.of(new GroupStatus(
                groupId,
                settings.endpoint().nodeId(),
                info.isLeader(),
                Optional.ofNullable(info.getLeaderId()).map(RaftPeerId::toString),
                info.getCurrentTerm(),
                info.getLastAppliedIndex(),
                division.getRaftLog().getStartIndex(),
                snapshot == null ? -1 : snapshot.getIndex(),
                division.getRaftLog().getLastCommittedIndex()));
    }

    /** Whether this node currently leads {@code groupId} (and has committed an entry in its term). */
    public boolean isLeader(GroupId groupId) {
        if (!hosts(groupId)) {
            return false;
        }
        try {
            DivisionInfo info = running().getDivision(groupId.raftGroupId()).getInfo();
            return info.isLeader() && info.isLeaderReady();
        } catch (IOException removedMeanwhile) {
            return false;
        }
    }

    /** Stops the server; the groups stay on disk for the next start. */
    @Override
    public synchronized void close() throws IOException {
        RaftServer running = server;
        server = null;
        StoppedGroupReopener stoppedGroups = reopener;
        reopener = null;
        if (stoppedGroups != null) {
            stoppedGroups.close(); // first: closing the server stops every division, on purpose
        }
        if (running != null) {
            running.close();
            LOG.info("{}: Raft server stopped", settings.endpoint());
        }
    }

    private RaftPeerId selfId() {
        return settings.endpoint().raftPeerId();
    }

    private RaftServer running() {
        RaftServer running = server;
        if (running == null) {
            throw new InternalServerException("The Raft server of " + settings.endpoint() + " is not running");
        }
        return running;
    }

    @Override
    public String toString() {
        return "RaftNode[" + settings.endpoint() + "]";
    }
}
