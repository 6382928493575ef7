package io.strata.coordinator.cluster;

import io.strata.api.v1.ClusterGroup;
import io.strata.api.v1.ClusterNode;
import io.strata.api.v1.ClusterPeer;
import io.strata.api.v1.DescribeClusterResponse;
import io.strata.coordinator.membership.NodeAddresses;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.metadata.NodeRegistration;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.RoutingView;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupPeerInspector;
import io.strata.raft.client.PeerReport;
import io.strata.raft.shard.ShardGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Answers DescribeCluster: the nodes (from membership in this node's ZooKeeper view) and every group
 * of the placement with what each peer says of it (asked over Raft by {@link GroupPeerInspector}).
 *
 * <p>A node that left membership (stopped, or its session expired) is still listed while the
 * placement names it, as not live, with the zone and addresses it last registered with here
 * ({@link #observe()} remembers them; the node calls it periodically). Its commit index is the one
 * its group's leader last heard, so its lag keeps growing while writes go on without it.
 *
 * <p>Thread-safe. Groups are asked in parallel (virtual threads); a call costs one group-info
 * round trip per peer, and a peer that does not answer costs the inspector's timeout.
 */
public final class ClusterStatusReader {
    private final String nodeId;
    private final RoutingCache routing;
    private final GroupPeerInspector inspector;
    private final Map<String, NodeRegistration> seen = new ConcurrentHashMap<>();

    public ClusterStatusReader(String nodeId, RoutingCache routing, GroupPeerInspector inspector) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /** Remembers the registrations of the members now in view, to describe them once they are gone. */
    public void observe() {
        seen.putAll(routing.view().members());
    }

    public DescribeClusterResponse describe() {
        RoutingView view = routing.view();
        seen.putAll(view.members());
        Placement placement = view.placementIfAny().orElseThrow(() -> new ServiceUnavailableException(
                "The cluster has no placement yet: the nodes are still starting; retry shortly."));

        List<GroupPlacement> groups = placement.groups();
        List<List<PeerReport>> reports = inspectAll(groups);

        DescribeClusterResponse.Builder response = DescribeClusterResponse.newBuilder()
                .setAnsweredBy(nodeId)
                .setPlacementEpoch(placement.epoch())
                .setMetadataStale(view.stale());
        Map<String, Boolean> ready = new HashMap<>();
        view.members().keySet().forEach(member -> ready.put(member, true));
        for (int i = 0; i < groups.size(); i++) {
            ClusterGroup group = group(groups.get(i), reports.get(i));
            response.addGroups(group);
            for (ClusterPeer peer : group.getPeersList()) {
                if (!peer.getReachable() || group.getLeader().isEmpty()) {
                    ready.put(peer.getNodeId(), false);
                }
            }
        }
        TreeSet<String> nodeIds = new TreeSet<>(view.members().keySet());
        groups.forEach(group -> nodeIds.addAll(group.peers()));
        for (String id : nodeIds) {
            Optional<NodeRegistration> registration = Optional.ofNullable(seen.get(id));
            boolean live = view.members().containsKey(id);
            response.addNodes(ClusterNode.newBuilder()
                    .setNodeId(id)
                    .setZone(registration.map(NodeRegistration::zone).orElse(""))
                    .setGrpcAddress(registration.map(r -> r.addresses().getOrDefault(NodeAddresses.GRPC, "")).orElse(""))
                    .setRaftAddress(registration.map(r -> r.addresses().getOrDefault(NodeAddresses.RAFT, "")).orElse(""))
                    .setLive(live)
                    .setReady(live && ready.getOrDefault(id, false)));
        }
        return response.build();
    }

    private List<List<PeerReport>> inspectAll(List<GroupPlacement> groups) {
        List<Future<List<PeerReport>>> pending = new ArrayList<>(groups.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (GroupPlacement group : groups) {
                pending.add(executor.submit(() -> inspect(group)));
            }
            List<List<PeerReport>> reports = new ArrayList<>(groups.size());
            for (Future<List<PeerReport>> future : pending) {
                reports.add(future.get());
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while asking the Raft groups for their status.", e);
        } catch (ExecutionException e) {
            throw new ServiceUnavailableException("Asking the Raft groups for their status failed: " + e.getCause(),
                    e.getCause());
        }
    }

    /** Reports in placement order; a peer whose Raft address was never seen is unreachable. */
    private List<PeerReport> inspect(GroupPlacement group) {
        List<NodeEndpoint> known = new ArrayList<>();
        for (String peer : group.peers()) {
            NodeRegistration registration = seen.get(peer);
            if (registration != null) {
                NodeAddresses.raftEndpoint(registration).ifPresent(known::add);
            }
        }
        Map<String, PeerReport> answered = new HashMap<>();
        for (PeerReport report : inspector.inspect(ShardGroups.raftGroupOf(group.group()), known)) {
            answered.put(report.nodeId(), report);
        }
        List<PeerReport> reports = new ArrayList<>(group.peers().size());
        for (String peer : group.peers()) {
            reports.add(answered.getOrDefault(peer,
                    PeerReport.unreachable(peer, "its Raft address was never seen by " + nodeId)));
        }
        return reports;
    }

    private ClusterGroup group(GroupPlacement placement, List<PeerReport> reports) {
        Optional<PeerReport> leader = reports.stream().filter(PeerReport::reachable).filter(PeerReport::leader)
                .findFirst();
        String leaderId = leader.map(PeerReport::nodeId).orElseGet(() -> reports.stream()
                .filter(PeerReport::reachable).map(PeerReport::leaderId).flatMap(Optional::stream)
                .findFirst().orElse(""));
        long leaderCommit = leader.map(PeerReport::commitIndex).orElse(-1L);
        ClusterGroup.Builder group = ClusterGroup.newBuilder()
                .setGroupId(ShardGroups.raftGroupOf(placement.group()).toString())
                .setLeader(leaderId);
        for (PeerReport report : reports) {
            long commit = report.reachable() ? report.commitIndex()
                    : leader.map(l -> l.commitIndexes().getOrDefault(report.nodeId(), -1L)).orElse(-1L);
            long lag = report.leader() ? 0 : leaderCommit >= 0 && commit >= 0 ? Math.max(0, leaderCommit - commit) : -1;
            group.addPeers(ClusterPeer.newBuilder()
                    .setNodeId(report.nodeId())
                    .setZone(Optional.ofNullable(seen.get(report.nodeId())).map(NodeRegistration::zone).orElse(""))
                    .setReachable(report.reachable())
                    .setLeader(report.leader())
                    .setCommitIndex(commit)
                    .setAppliedIndex(report.reachable() ? report.appliedIndex() : -1)
                    .setLagEntries(lag)
                    .setError(report.error()));
        }
        return group.build();
    }
}
