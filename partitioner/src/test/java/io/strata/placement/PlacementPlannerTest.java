package io.strata.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PlacementPlannerTest {
    private final PlacementPlanner planner = new PlacementPlanner();

    /** A cluster: 3–5 zones, 1–4 nodes per zone (sizes may differ), plus a seed for shuffling. */
    record Cluster(List<PlacementNode> nodes, long seed) {
        Set<String> zones() {
            return nodes.stream().map(PlacementNode::zone).collect(Collectors.toSet());
        }
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 4).list().ofMinSize(3).ofMaxSize(5),
                        Arbitraries.longs())
                .as((zoneSizes, seed) -> {
                    List<PlacementNode> nodes = new ArrayList<>();
                    for (int zone = 0; zone < zoneSizes.size(); zone++) {
                        for (int node = 0; node < zoneSizes.get(zone); node++) {
                            nodes.add(new PlacementNode("n" + zone + "-" + node, "zone-" + (char) ('a' + zone)));
                        }
                    }
                    return new Cluster(nodes, seed);
                });
    }

    @Property(tries = 300)
    void everyGroupHasThreePeersInThreeZones(@ForAll("clusters") Cluster cluster,
                                             @ForAll @IntRange(min = 1, max = 64) int groups) {
        Placement placement = planner.plan(groups, cluster.nodes());
        assertValid(placement, cluster.nodes(), groups);
        assertThat(placement.epoch()).isEqualTo(1);
    }

    @Property(tries = 200)
    void deterministicWhateverTheInputOrder(@ForAll("clusters") Cluster cluster,
                                            @ForAll @IntRange(min = 1, max = 64) int groups) {
        List<PlacementNode> shuffled = new ArrayList<>(cluster.nodes());
        Collections.shuffle(shuffled, new Random(cluster.seed()));
        assertThat(planner.plan(groups, shuffled)).isEqualTo(planner.plan(groups, cluster.nodes()));
    }

    @Property(tries = 300)
    void peersAreBalanced(@ForAll("clusters") Cluster cluster, @ForAll @IntRange(min = 1, max = 64) int groups) {
        Placement placement = planner.plan(groups, cluster.nodes());
        Map<String, Integer> peers = placement.peerCounts();
        // nodes of one zone differ by at most one group
        for (String zone : cluster.zones()) {
            List<Integer> loads = cluster.nodes().stream().filter(n -> n.zone().equals(zone))
                    .map(n -> peers.getOrDefault(n.nodeId(), 0)).toList();
            assertThat(Collections.max(loads) - Collections.min(loads)).isLessThanOrEqualTo(1);
        }
        // with zones of equal size, every node differs from every other by at most one group
        Map<String, Long> zoneSizes = cluster.nodes().stream()
                .collect(Collectors.groupingBy(PlacementNode::zone, Collectors.counting()));
        if (new HashSet<>(zoneSizes.values()).size() == 1) {
            List<Integer> loads = cluster.nodes().stream().map(n -> peers.getOrDefault(n.nodeId(), 0)).toList();
            assertThat(Collections.max(loads) - Collections.min(loads)).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 300)
    void leadersAreSpread(@ForAll("clusters") Cluster cluster, @ForAll @IntRange(min = 1, max = 64) int groups) {
        Placement placement = planner.plan(groups, cluster.nodes());
        Map<String, Integer> leaders = placement.leaderCounts();
        Map<String, Integer> peers = placement.peerCounts();
        // nobody leads much more than its fair share of the groups it is in
        int fairShare = (int) Math.ceil((double) groups / cluster.nodes().size());
        for (PlacementNode node : cluster.nodes()) {
            int led = leaders.getOrDefault(node.nodeId(), 0);
            assertThat(led).isLessThanOrEqualTo(Math.max(fairShare + 1, 1));
            assertThat(led).isLessThanOrEqualTo(peers.getOrDefault(node.nodeId(), 0));
        }
    }

    @Property(tries = 300)
    void aNodeLeavingMovesOnlyTheGroupsItWasIn(@ForAll("clusters") Cluster cluster,
                                               @ForAll @IntRange(min = 1, max = 64) int groups) {
        Placement before = planner.plan(groups, cluster.nodes());
        PlacementNode leaving = cluster.nodes().get((int) Math.floorMod(cluster.seed(), cluster.nodes().size()));
        List<PlacementNode> remaining = cluster.nodes().stream().filter(n -> !n.equals(leaving)).toList();
        if (remaining.stream().map(PlacementNode::zone).distinct().count() < 3) {
            assertThatThrownBy(() -> planner.replace(before, remaining))
                    .isInstanceOf(ServiceUnavailableException.class);
            return;
        }
        Placement after = planner.replace(before, remaining);
        assertValid(after, remaining, groups);
        for (GroupPlacement group : before.groups()) {
            GroupPlacement moved = after.group(group.group());
            if (!group.peers().contains(leaving.nodeId())) {
                assertThat(moved).isEqualTo(group);
            } else {
                Set<String> kept = new HashSet<>(group.peers());
                kept.retainAll(moved.peers());
                assertThat(kept).hasSize(2); // exactly one peer replaced
                if (!leaving.nodeId().equals(group.preferredLeader())) {
                    assertThat(moved.preferredLeader()).isEqualTo(group.preferredLeader());
                }
            }
        }
        assertThat(after.epoch()).isEqualTo(before.epoch() + (before.peerCounts().containsKey(leaving.nodeId()) ? 1 : 0));

        // the node comes back: nothing is complete-but-wrong, so nothing moves
        assertThat(planner.replace(after, cluster.nodes())).isSameAs(after);
    }

    @Test
    void unchangedMembershipIsTheSamePlacement() {
        List<PlacementNode> nodes = List.of(node("a1", "a"), node("b1", "b"), node("c1", "c"));
        Placement placement = planner.plan(8, nodes);
        assertThat(planner.replace(placement, nodes)).isSameAs(placement);
    }

    @Test
    void aLostPeerIsReplacedFromTheSameZone() {
        List<PlacementNode> nodes = List.of(node("a1", "a"), node("a2", "a"), node("b1", "b"), node("c1", "c"));
        Placement placement = planner.plan(4, nodes);
        Placement after = planner.replace(placement, List.of(node("a2", "a"), node("b1", "b"), node("c1", "c")));
        after.groups().forEach(group -> assertThat(group.peers()).containsExactlyInAnyOrder("a2", "b1", "c1"));
    }

    @Test
    void fewerThanThreeZonesIsAClearError() {
        List<PlacementNode> nodes = List.of(node("a1", "a"), node("a2", "a"), node("b1", "b"));
        assertThatThrownBy(() -> planner.plan(4, nodes))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("at least 3 zones")
                .hasMessageContaining("[a, b]");
    }

    private static PlacementNode node(String id, String zone) {
        return new PlacementNode(id, zone);
    }

    private static void assertValid(Placement placement, Collection<PlacementNode> nodes, int groups) {
        Map<String, String> zoneOf = nodes.stream().collect(Collectors.toMap(PlacementNode::nodeId, PlacementNode::zone));
        assertThat(placement.groupCount()).isEqualTo(groups);
        for (GroupPlacement group : placement.groups()) {
            assertThat(group.peers()).hasSize(3);
            assertThat(group.peers()).allSatisfy(peer -> assertThat(zoneOf).containsKey(peer));
            assertThat(group.peers().stream().map(zoneOf::get).distinct()).hasSize(3);
        }
    }
}
