package io.strata.server.node;

import io.strata.coordinator.membership.NodeAddresses;
import io.strata.metadata.NodeRegistration;
import io.strata.metadata.PlacementProgress;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.server.RaftNode;
import io.strata.raft.shard.ShardGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts on this node every Raft group the placement assigns to it, and takes part in moving them.
 * Checks the routing view every {@value #CHECK_MILLIS} ms (cheap: a volatile read):
 * <ul>
 *   <li>a group this node is a member of by the placed Raft configuration is added once the
 *       addresses of all its members are known, so a new group starts with its full membership;
 *   <li>a group this node is only <em>joining</em> (placed, not yet in the configuration) is
 *       hosted empty and waits for the group's leader to add it ({@link RaftNode#joinGroup});
 *   <li>for groups this node leads, {@link GroupMembershipChanges} drives the Raft membership
 *       change the placement asks for;
 *   <li>a group whose placement names this node neither as a peer nor in the recorded Raft
 *       configuration is removed from this node: the move away from it has committed, so no
 *       quorum needs this replica any more.
 * </ul>
 *
 * <p>Threading: one daemon thread; {@link #close()} stops it.
 */
final class GroupAssignments implements AutoCloseable {
    static final long CHECK_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(GroupAssignments.class);

    private final String nodeId;
    private final RaftNode raftNode;
    private final RoutingCache routing;
    private final GroupMembershipChanges membershipChanges;
    /** See {@link NodeConfig#moveGroups()}: off, a placement's move intent is never carried out. */
    private final boolean moveGroups;
    private final Map<String, NodeEndpoint> knownEndpoints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;

    GroupAssignments(String nodeId, RaftNode raftNode, RoutingCache routing, PlacementProgress progress,
                     boolean moveGroups) {
        this.moveGroups = moveGroups;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.membershipChanges = new GroupMembershipChanges(nodeId, raftNode, progress);
        this.worker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("group-assignments-" + nodeId).daemon().factory());
    }

    void start() {
        worker.scheduleWithFixedDelay(this::check, 0, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The groups the placement gives this node, or empty before a placement exists. */
    List<GroupId> assigned() {
        Optional<Placement> placement = routing.view().placementIfAny();
        if (placement.isEmpty()) {
            return List.of();
        }
        return placement.get().groups().stream()
                .filter(group -> group.peers().contains(nodeId))
                .map(group -> ShardGroups.raftGroupOf(group.group()))
                .toList();
    }

    private void check() {
        try {
            RoutingView view = routing.view();
            for (NodeRegistration member : view.members().values()) {
                NodeAddresses.raftEndpoint(member).ifPresent(endpoint -> knownEndpoints.put(member.nodeId(), endpoint));
            }
            if (view.placement() == null) {
                return;
            }
            for (GroupPlacement group : view.placement().groups()) {
                GroupId raftGroup = ShardGroups.raftGroupOf(group.group());
                boolean hosted = raftNode.hosts(raftGroup);
                if (!group.replicaHolders().contains(nodeId)) {
                    if (hosted && !group.configuration().isEmpty()) {
                        raftNode.removeGroup(raftGroup);
                        LOG.info("{} no longer hosts {} ({}): its Raft configuration is {}", nodeId, group.group(),
                                raftGroup, group.configuration());
                    }
                    continue;
                }
                if (hosted) {
                    if (moveGroups) {
                        membershipChanges.advance(group, raftGroup, knownEndpoints);
                    }
                } else if (group.configuration().contains(nodeId) && group.peers().contains(nodeId)) {
                    addWithConfiguration(group, raftGroup);
                } else if (group.joining().contains(nodeId)) {
                    raftNode.joinGroup(raftGroup);
                    LOG.info("{} joins {} ({}) empty; its leader adds it to {}", nodeId, group.group(), raftGroup,
                            group.configuration());
                }
            }
        } catch (Exception e) {
            LOG.warn("{}: bringing assigned groups in line with the placement failed, retrying", nodeId, e);
        }
    }

    private void addWithConfiguration(GroupPlacement group, GroupId raftGroup) throws Exception {
        List<NodeEndpoint> peers = new ArrayList<>();
        for (String peer : group.configuration()) {
            NodeEndpoint endpoint = knownEndpoints.get(peer);
            if (endpoint == null) {
                return;
            }
            peers.add(endpoint);
        }
        raftNode.addGroup(raftGroup, peers);
        LOG.info("{} hosts {} ({}) with peers {}", nodeId, group.group(), raftGroup, peers);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
