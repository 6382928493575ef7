package io.strata.server.node;

import io.strata.metadata.PlacementProgress;
import io.strata.placement.GroupPlacement;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.server.GroupConfiguration;
import io.strata.raft.server.RaftNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the groups this node leads from their Raft configuration to the peers the placement
 * gives them, one Raft membership change at a time, then records the move as done.
 *
 * <p>Each {@link #advance} looks at the leader's configuration and takes the next step towards the
 * placed peers: first <em>add</em> every placed peer the configuration lacks, once it hosts the
 * group (empty: it joined, see {@link RaftNode#joinGroup}; Ratis catches it up
 * from the log or a snapshot, as a staging peer that does not count for the quorum, before the
 * change commits), then <em>remove</em> the members placement no longer wants, then record the
 * configuration in the placement ({@link PlacementProgress}), upon which removed nodes drop their
 * replica. Adding before removing means a group never runs with fewer members, or fewer zones,
 * than it had; while a replacement is in flight the group briefly has four members, two of them in
 * the replaced node's zone.
 *
 * <p>Every step is computed from the configuration Ratis has committed, never from what this
 * object remembers, so a new leader (after a failover, or a new cluster manager, mid-move) resumes
 * where the old one stopped, and repeating a step is harmless.
 *
 * <p>Threading: {@link #advance} is called from one thread (the assignments worker); the changes
 * themselves run asynchronously in Ratis, at most one per group at a time.
 */
final class GroupMembershipChanges {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMembershipChanges.class);

    private final String nodeId;
    private final RaftNode raftNode;
    private final PlacementProgress progress;
    private final Map<GroupId, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    GroupMembershipChanges(String nodeId, RaftNode raftNode, PlacementProgress progress) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.raftNode = Objects.requireNonNull(raftNode, "raftNode");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Takes the next step of {@code placed}'s move if this node leads {@code raftGroup} and no
     * change of it is in flight; does nothing otherwise.
     *
     * @param endpoints the Raft addresses of the nodes known so far, by node id
     */
    void advance(GroupPlacement placed, GroupId raftGroup, Map<String, NodeEndpoint> endpoints) throws Exception {
        if (placed.peers().isEmpty() || inFlight.containsKey(raftGroup) || !raftNode.isLeader(raftGroup)) {
            return;
        }
        GroupConfiguration configuration = raftNode.configuration(raftGroup).orElse(null);
        if (configuration == null || !configuration.settled()) {
            return;
        }
        Set<String> current = configuration.nodeIds();
        Set<String> target = new HashSet<>(placed.peers());
        List<NodeEndpoint> adding = new ArrayList<>();
        for (String peer : placed.peers()) {
            if (!current.contains(peer)) {
                NodeEndpoint endpoint = endpoints.get(peer);
                if (endpoint == null || !raftNode.peerHosts(endpoint, raftGroup)) {
                    return; // not registered or not hosting the group yet: add it once it is ready
                }
                adding.add(endpoint);
            }
        }
        if (!adding.isEmpty()) {
            List<NodeEndpoint> next = new ArrayList<>(configuration.peers());
            next.addAll(adding);
            change(placed, raftGroup, "adding " + adding, next);
        } else if (!current.equals(target)) {
            List<NodeEndpoint> next = configuration.peers().stream()
                    .filter(peer -> target.contains(peer.nodeId()))
                    .toList();
            change(placed, raftGroup, "removing " + configuration.peers().stream()
                    .filter(peer -> !target.contains(peer.nodeId())).toList(), next);
        } else if (!new HashSet<>(placed.configuration()).equals(target)) {
            if (progress.recordConfiguration(placed.group(), target)) {
                LOG.info("{}: {} ({}) moved to {}; recorded in the placement", nodeId, placed.group(), raftGroup,
                        placed.peers());
            }
        }
    }

    private void change(GroupPlacement placed, GroupId raftGroup, String step, List<NodeEndpoint> next) {
        LOG.info("{}: {} ({}) membership change: {} -> {}", nodeId, placed.group(), raftGroup, step, next);
        CompletableFuture<Void> change = raftNode.changeConfiguration(raftGroup, next);
        inFlight.put(raftGroup, change);
        change.whenComplete((done, failure) -> {
            inFlight.remove(raftGroup);
            if (failure != null) {
                LOG.warn("{}: {} membership change ({}) failed, retrying from the committed configuration: {}",
                        nodeId, placed.group(), step, failure.toString());
            }
        });
    }
}
