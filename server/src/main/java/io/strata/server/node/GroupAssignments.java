package io.strata.server.node;

import io.strata.coordinator.membership.NodeAddresses;
import io.strata.metadata.NodeRegistration;
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
 * Hosts on this node every Raft group the placement assigns to it. Checks the routing view every
 * {@value #CHECK_MILLIS} ms (cheap: a volatile read) and adds a group once the addresses of all its
 * peers are known, so the group starts with its full membership.
 *
 * <p>Groups are never removed here: a group moved away from this node needs a Raft membership
 * change first (not implemented), and removing it locally would delete a replica a quorum may need.
 *
 * <p>Threading: one daemon thread; {@link #close()} stops it.
 */
final class GroupAssignments implements AutoCloseable {
    static final long CHECK_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(GroupAssignments.class);

    private final String nodeId;
    private final RaftNode raftNode;
    private final RoutingCache routing;
    private final Map<String, NodeEndpoint> knownEndpoints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;

    GroupAssignments(String nodeId, RaftNode raftNode, RoutingCache routing) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.routing = Objects.requireNonNull(routing, "routing");
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
                if (!group.peers().contains(nodeId)) {
                    continue;
                }
                GroupId raftGroup = ShardGroups.raftGroupOf(group.group());
                if (raftNode.hosts(raftGroup)) {
                    continue;
                }
                List<NodeEndpoint> peers = new ArrayList<>();
                for (String peer : group.peers()) {
                    NodeEndpoint endpoint = knownEndpoints.get(peer);
                    if (endpoint == null) {
                        break;
                    }
                    peers.add(endpoint);
                }
                if (peers.size() == group.peers().size()) {
                    raftNode.addGroup(raftGroup, peers);
                    LOG.info("{} hosts {} ({}) with peers {}", nodeId, group.group(), raftGroup, peers);
                }
            }
        } catch (Exception e) {
            LOG.warn("{}: adding assigned groups failed, retrying", nodeId, e);
        }
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
