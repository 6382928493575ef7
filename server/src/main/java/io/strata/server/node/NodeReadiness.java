package io.strata.server.node;

import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.observability.HealthStatus;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupStatus;
import io.strata.raft.server.RaftNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whether this node can take part in writes now, as named checks with the reason each fails for:
 * ZooKeeper reachable (the routing view is fresh), the node registered as a member, a placement
 * exists, and every group the placement gives this node is hosted here, has not halted (a replica
 * that failed to apply a command stops until the node reopens it) and knows its leader.
 *
 * <p>Thread-safe: reads volatile views only; any thread may evaluate or report.
 */
final class NodeReadiness {
    static final String ZOOKEEPER = "zookeeper";
    static final String MEMBERSHIP = "membership";
    static final String PLACEMENT = "placement";
    static final String RAFT_GROUPS = "raft-groups";
    private static final List<String> CHECKS = List.of(ZOOKEEPER, MEMBERSHIP, PLACEMENT, RAFT_GROUPS);

    private final String nodeId;
    private final RoutingCache routing;
    private final GroupAssignments assignments;
    private final RaftNode raftNode;

    NodeReadiness(String nodeId, RoutingCache routing, GroupAssignments assignments, RaftNode raftNode) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
    }

    /** The failing checks, by name, with their reasons; empty when the node is ready. */
    SortedMap<String, String> failures() {
        SortedMap<String, String> failures = new TreeMap<>();
        RoutingView view = routing.view();
        if (routing.stale()) {
            failures.put(ZOOKEEPER, "the cluster metadata is stale: ZooKeeper has been unreachable since "
                    + view.staleSince());
        }
        if (!view.members().containsKey(nodeId)) {
            failures.put(MEMBERSHIP, nodeId + " is not registered in ZooKeeper yet");
        }
        if (view.placement() == null) {
            failures.put(PLACEMENT, "no placement yet: fewer than three zones have joined the cluster");
            return failures;
        }
        List<GroupId> assigned = assignments.assigned();
        if (assigned.isEmpty()) {
            failures.put(RAFT_GROUPS, "the placement gives this node no Raft group yet");
        }
        for (GroupId group : assigned) {
            Optional<String> halted = raftNode.halted(group);
            if (halted.isPresent()) {
                failures.put(RAFT_GROUPS, group + " halted on this node, reopening it: " + halted.get());
                break;
            }
            Optional<GroupStatus> status;
            try {
                status = raftNode.status(group);
            } catch (RuntimeException initializingOrStopping) {
                // Ratis refuses status while a group's state machine is still starting
                failures.put(RAFT_GROUPS, group + " is still starting");
                break;
            }
            if (status.isEmpty()) {
                failures.put(RAFT_GROUPS, group + " is not hosted here yet");
                break;
            }
            if (status.get().leaderId().isEmpty()) {
                failures.put(RAFT_GROUPS, group + " has no leader yet");
                break;
            }
        }
        return failures;
    }

    /** Puts the current outcome of every check into {@code health}. */
    void report(HealthStatus health) {
        SortedMap<String, String> failures = failures();
        for (String check : CHECKS) {
            String reason = failures.get(check);
            if (reason == null) {
                health.ready(check);
            } else {
                health.notReady(check, reason);
            }
        }
    }
}
