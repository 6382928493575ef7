package io.strata.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.metadata.PlacementCodec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Moves as placement states them: a node within its departure grace keeps its groups and gets no
 * new ones; a node replaced after the grace leaves an intent (new peers, old Raft configuration)
 * that only the group's leader settles; the stored form keeps all of it.
 */
class PlacementMovesTest {
    private final PlacementPlanner planner = new PlacementPlanner();
    private final List<PlacementNode> firstThree = List.of(node("a1", "a"), node("b1", "b"), node("c1", "c"));

    @Test
    void aNodeAbsentWithinItsGraceKeepsEveryGroupAndGetsNoNewOne() {
        Placement placed = planner.plan(4, firstThree);
        List<PlacementNode> live = List.of(node("a2", "a"), node("b1", "b"), node("c1", "c"));

        assertThat(planner.replace(placed, live, List.of(node("a1", "a")))).isSameAs(placed);
    }

    @Test
    void aReplacedNodeLeavesAMoveThatStartsFromTheOldRaftConfiguration() {
        Placement placed = planner.plan(4, firstThree);
        List<PlacementNode> live = List.of(node("a2", "a"), node("b1", "b"), node("c1", "c"));

        Placement moved = planner.replace(placed, live, List.of());

        assertThat(moved.epoch()).isEqualTo(placed.epoch() + 1);
        assertThat(moved.settled()).isFalse();
        for (GroupPlacement group : moved.groups()) {
            assertThat(group.peers()).containsExactlyInAnyOrder("a2", "b1", "c1");
            assertThat(group.configuration()).containsExactlyInAnyOrder("a1", "b1", "c1");
            assertThat(group.joining()).isEqualTo(Set.of("a2"));
            assertThat(group.leaving()).isEqualTo(Set.of("a1"));
        }
        // the departed node's zone stays known while it still is in a Raft configuration
        assertThat(moved.zoneOf("a1")).contains("a");
        // planning again changes nothing: the move is waiting for the group leaders, not for the planner
        assertThat(planner.replace(moved, live, List.of())).isSameAs(moved);
        assertThat(moved.group(new GroupId(0)).settle().settled()).isTrue();
    }

    @Test
    void aNeverStartedGroupStartsWithItsPeersAsItsConfiguration() {
        Placement placed = planner.plan(4, firstThree);

        assertThat(placed.settled()).isTrue();
        assertThat(placed.groups()).allSatisfy(group -> assertThat(group.configuration()).isEqualTo(group.peers()));
    }

    @Test
    void theStoredFormKeepsMovesAndZones() {
        Placement moved = planner.replace(planner.plan(4, firstThree),
                List.of(node("a2", "a"), node("b1", "b"), node("c1", "c")), List.of());

        assertThat(PlacementCodec.fromBytes(PlacementCodec.toBytes(moved))).isEqualTo(moved);
    }

    @Test
    void aPlacementStoredBeforeMovesReadsAsSettled() {
        Placement old = PlacementCodec.fromBytes(
                "{\"epoch\":3,\"groups\":[{\"group\":0,\"peers\":[\"a1\",\"b1\",\"c1\"]}]}".getBytes());

        assertThat(old.settled()).isTrue();
        assertThat(old.zones()).isEmpty();
    }

    private static PlacementNode node(String id, String zone) {
        return new PlacementNode(id, zone);
    }
}
