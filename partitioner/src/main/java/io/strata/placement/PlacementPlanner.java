package io.strata.placement;

import io.strata.core.error.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Places Raft groups on nodes: every group gets exactly {@value #REPLICAS} peers in
 * {@value #REPLICAS} different zones, so losing one zone costs every group one peer and no group
 * its majority.
 *
 * <p>Greedy and deterministic (same nodes, same current placement → same result; inputs are
 * sorted, never iterated in hash order). For each missing peer it picks the zone the group does
 * not use yet with the fewest peers per node, then that zone's node with the fewest peers (ties by
 * name). With zones of equal size this keeps every node's peer count within one of every other's.
 * The preferred leader is the peer with the fewest leaderships.
 *
 * <p>{@link #replace} is the minimal-change step: a group all of whose peers are still registered
 * (in the zone they had) is left exactly as it is, including its leader; a group that lost peers
 * keeps its survivors and gets a new peer only for each one lost. A node that comes back is
 * therefore not given groups until some group needs a peer: moving a healthy group costs a full
 * snapshot transfer and buys only balance. A node that is <em>absent</em> (gone, but within its
 * departure grace) keeps every group it has and is given none.
 *
 * <p>A new peer of a group that already runs is only an intent: the group's
 * {@link GroupPlacement#configuration()} stays what it was until the group's leader has made the
 * Raft membership change and recorded it. A group never started gets its configuration equal to
 * its peers, which start it together.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlacementPlanner {
    public static final int REPLICAS = 3;

    /** A fresh placement of {@code groupCount} groups on {@code nodes}. */
    public Placement plan(int groupCount, Collection<PlacementNode> nodes) {
        return replace(Placement.unassigned(groupCount), nodes);
    }

    /** {@link #replace(Placement, Collection, Collection)} with no absent node. */
    public Placement replace(Placement current, Collection<PlacementNode> nodes) {
        return replace(current, nodes, List.of());
    }

    /**
     * {@code current} repaired for the nodes registered now: the same instance when nothing has to
     * move, else a placement with epoch {@code current.epoch() + 1}.
     *
     * @param live   registered nodes: they keep their groups and may be given more
     * @param absent departed nodes still within their departure grace: they keep their groups
     *               (so nothing moves while a node restarts) but are given no new ones
     * @throws ServiceUnavailableException when the nodes span fewer than three zones
     */
    public Placement replace(Placement current, Collection<PlacementNode> live, Collection<PlacementNode> absent) {
        Map<String, String> zoneOfNode = new TreeMap<>();
        Map<String, List<String>> candidatesOfZone = new TreeMap<>();
        Set<String> zones = new TreeSet<>();
        for (PlacementNode node : live) {
            addNode(zoneOfNode, node);
        }
        zoneOfNode.forEach((node, zone) -> candidatesOfZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(node));
        for (PlacementNode node : absent) {
            if (!zoneOfNode.containsKey(node.nodeId())) {
                addNode(zoneOfNode, node);
            }
        }
        zones.addAll(zoneOfNode.values());
        if (zones.size() < REPLICAS) {
            throw new ServiceUnavailableException("Placement needs registered nodes in at least " + REPLICAS
                    + " zones to give every group one peer per zone; registered zones: " + zones
                    + " (" + zoneOfNode.size() + " nodes).");
        }

        Loads loads = new Loads(zoneOfNode, candidatesOfZone);
        List<List<String>> survivors = new ArrayList<>();
        List<Boolean> leaderSurvived = new ArrayList<>();
        for (GroupPlacement group : current.groups()) {
            List<String> kept = new ArrayList<>();
            Set<String> keptZones = new HashSet<>();
            for (String peer : group.peers()) {
                String zone = zoneOfNode.get(peer);
                if (zone != null && keptZones.add(zone) && kept.size() < REPLICAS) {
                    kept.add(peer);
                    loads.addPeer(peer);
                }
            }
            boolean leaderKept = !kept.isEmpty() && kept.getFirst().equals(group.preferredLeader());
            if (leaderKept) {
                loads.addLeader(kept.getFirst());
            }
            survivors.add(kept);
            leaderSurvived.add(leaderKept);
        }

        boolean changed = false;
        List<GroupPlacement> placed = new ArrayList<>(current.groupCount());
        for (GroupPlacement group : current.groups()) {
            int index = group.group().index();
            List<String> peers = survivors.get(index);
            if (peers.size() == REPLICAS && peers.equals(group.peers())) {
                placed.add(group);
                continue;
            }
            Set<String> usedZones = new HashSet<>();
            peers.forEach(peer -> usedZones.add(zoneOfNode.get(peer)));
            while (peers.size() < REPLICAS) {
                String zone = loads.leastLoadedZoneExcept(usedZones);
                if (zone == null) {
                    break; // only absent nodes left in the missing zones: wait for their grace to end
                }
                String node = loads.leastLoadedNodeIn(zone);
                usedZones.add(zone);
                peers.add(node);
                loads.addPeer(node);
            }
            if (!leaderSurvived.get(index) && !peers.isEmpty()) {
                String leader = loads.leastLeadingOf(peers);
                peers.remove(leader);
                peers.addFirst(leader);
                loads.addLeader(leader);
            }
            if (peers.equals(group.peers())) {
                placed.add(group);
                continue;
            }
            changed = true;
            // a group that never ran starts with all its peers; a running one moves by a Raft
            // membership change that its leader records when done
            placed.add(new GroupPlacement(group.group(), peers,
                    group.configuration().isEmpty() ? peers : group.configuration()));
        }
        if (!changed) {
            return current;
        }
        Map<String, String> placedZones = new TreeMap<>();
        for (GroupPlacement group : placed) {
            for (String node : group.replicaHolders()) {
                String zone = zoneOfNode.get(node);
                if (zone == null) {
                    zone = current.zoneOf(node).orElse(null);
                }
                if (zone != null) {
                    placedZones.put(node, zone);
                }
            }
        }
        return new Placement(current.epoch() + 1, placed, placedZones);
    }

    private static void addNode(Map<String, String> zoneOfNode, PlacementNode node) {
        String previous = zoneOfNode.put(node.nodeId(), node.zone());
        if (previous != null && !previous.equals(node.zone())) {
            throw new IllegalArgumentException("node " + node.nodeId() + " listed in zones " + previous
                    + " and " + node.zone());
        }
    }

    /** Peer and leader counts while a plan is being built. */
    private static final class Loads {
        private final Map<String, String> zoneOfNode;
        private final Map<String, List<String>> nodesOfZone;
        private final Map<String, Integer> peers = new HashMap<>();
        private final Map<String, Integer> leaders = new HashMap<>();
        private final Map<String, Integer> zonePeers = new HashMap<>();

        Loads(Map<String, String> zoneOfNode, Map<String, List<String>> nodesOfZone) {
            this.zoneOfNode = zoneOfNode;
            this.nodesOfZone = nodesOfZone;
        }

        void addPeer(String node) {
            peers.merge(node, 1, Integer::sum);
            zonePeers.merge(zoneOfNode.get(node), 1, Integer::sum);
        }

        void addLeader(String node) {
            leaders.merge(node, 1, Integer::sum);
        }

        /** Fewest peers per node; compared as cross products to stay exact. Ties: zone name. */
        String leastLoadedZoneExcept(Set<String> excluded) {
            String best = null;
            for (String zone : nodesOfZone.keySet()) {
                if (excluded.contains(zone)) {
                    continue;
                }
                if (best == null || (long) zonePeers.getOrDefault(zone, 0) * nodesOfZone.get(best).size()
                        < (long) zonePeers.getOrDefault(best, 0) * nodesOfZone.get(zone).size()) {
                    best = zone;
                }
            }
            return best;
        }

        String leastLoadedNodeIn(String zone) {
            String best = null;
            for (String node : nodesOfZone.get(zone)) {
                if (best == null || peers.getOrDefault(node, 0) < peers.getOrDefault(best, 0)) {
                    best = node;
                }
            }
            return best;
        }

        /** Fewest leaderships, then fewest peers, then name. */
        String leastLeadingOf(List<String> candidates) {
            String best = null;
            for (String node : candidates.stream().sorted().toList()) {
                if (best == null) {
                    best = node;
                    continue;
                }
                int byLeaders = Integer.compare(leaders.getOrDefault(node, 0), leaders.getOrDefault(best, 0));
                if (byLeaders < 0 || (byLeaders == 0 && peers.getOrDefault(node, 0) < peers.getOrDefault(best, 0))) {
                    best = node;
                }
            }
            return best;
        }
    }
}
