package io.strata.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.CloseableUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int GROUPS = 6;
    @TempDir
    File zooKeeperData;
    private EmbeddedZooKeeper zooKeeper;
    private CuratorFramework observer;
    private final MetadataPaths paths = MetadataPaths.defaults();
    private final List<java.io.Closeable> resources = new ArrayList<>();

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(zooKeeperData);
        observer = zooKeeper.newClient();
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        resources.reversed().forEach(CloseableUtils::closeQuietly);
        zooKeeper.close();
    }

    @Test
    void theElectedManagerPlacesEveryGroupInThreeZones() throws Exception {
        List<ClusterManager> managers = List.of(manager("m1"), manager("m2"), manager("m3"));
        register("a1", "a");
        register("b1", "b");
        register("c1", "c");

        await().atMost(WAIT).until(() -> managers.stream().filter(ClusterManager::isLeader).count() == 1);
        Placement placement = awaitPlacement(p -> true);
        assertThat(placement.groupCount()).isEqualTo(GROUPS);
        for (GroupPlacement group : placement.groups()) {
            assertThat(group.peers()).containsExactlyInAnyOrder("a1", "b1", "c1");
        }
        assertThat(placement.leaderCounts()).containsOnlyKeys("a1", "b1", "c1")
                .allSatisfy((node, leads) -> assertThat(leads).isEqualTo(GROUPS / 3));
    }

    @Test
    void leadershipHandsOverWhenTheLeaderCloses() throws Exception {
        List<ClusterManager> managers = new ArrayList<>(List.of(manager("m1"), manager("m2"), manager("m3")));
        await().atMost(WAIT).until(() -> managers.stream().filter(ClusterManager::isLeader).count() == 1);
        ClusterManager first = managers.stream().filter(ClusterManager::isLeader).findFirst().orElseThrow();
        first.close();
        managers.remove(first);

        await().atMost(WAIT).until(() -> managers.stream().filter(ClusterManager::isLeader).count() == 1);

        // the new leader does the job: it places the groups once three zones are there
        register("a1", "a");
        register("b1", "b");
        register("c1", "c");
        assertThat(awaitPlacement(p -> true).groupCount()).isEqualTo(GROUPS);
    }

    @Test
    void aDepartedNodesGroupsMoveToItsZoneMate() throws Exception {
        manager("m1");
        MembershipRegistry leaving = register("a1", "a");
        register("a2", "a");
        register("b1", "b");
        register("c1", "c");
        Placement before = awaitPlacement(p -> p.peerCounts().keySet().containsAll(List.of("a1", "a2", "b1", "c1")));

        leaving.close();

        Placement after = awaitPlacement(p -> p.epoch() > before.epoch());
        assertThat(after.peerCounts()).doesNotContainKey("a1");
        for (GroupPlacement group : before.groups()) {
            if (!group.peers().contains("a1")) {
                assertThat(after.group(group.group())).isEqualTo(group);
            } else {
                assertThat(after.group(group.group()).peers()).containsExactlyInAnyOrder("a2", "b1", "c1");
            }
        }
    }

    @Test
    void aDepartedNodeKeepsItsGroupsThroughTheGraceEvenWhenTheManagerChanges() throws Exception {
        ClusterManager first = manager("m1", Duration.ofMinutes(10));
        MembershipRegistry leaving = register("a1", "a");
        register("b1", "b");
        register("c1", "c");
        Placement before = awaitPlacement(p -> true);
        register("a2", "a"); // a zone mate the groups could move to
        ClusterManager second = manager("m2", Duration.ofMinutes(10));

        leaving.close();
        first.recomputeNow().get();
        first.close(); // a new manager takes over while a1 is gone
        await().atMost(WAIT).until(second::isLeader);
        second.recomputeNow().get();
        register("d1", "d").close(); // another member's arrival and departure trigger planning too
        second.recomputeNow().get();

        assertThat(storedPlacement()).isEqualTo(before);
    }

    @Test
    void afterTheGraceADepartedNodeIsReplacedByAMoveFromItsRaftConfiguration() throws Exception {
        manager("m1", Duration.ofSeconds(2));
        MembershipRegistry leaving = register("a1", "a");
        register("b1", "b");
        register("c1", "c");
        Placement before = awaitPlacement(p -> true);
        register("a2", "a");

        leaving.close();

        Placement after = awaitPlacement(p -> p.epoch() > before.epoch());
        for (GroupPlacement group : after.groups()) {
            assertThat(group.peers()).containsExactlyInAnyOrder("a2", "b1", "c1");
            assertThat(group.configuration()).containsExactlyInAnyOrder("a1", "b1", "c1");
        }
        // the leader of each group records the committed membership change; that settles the move
        PlacementProgress progress = new PlacementProgress(observer, paths);
        for (GroupPlacement group : after.groups()) {
            assertThat(progress.recordConfiguration(group.group(), java.util.Set.of("a2", "b1", "c1"))).isTrue();
            assertThat(progress.recordConfiguration(group.group(), java.util.Set.of("a2", "b1", "c1"))).isFalse();
        }
        Placement settled = storedPlacement();
        assertThat(settled.settled()).isTrue();
        assertThat(settled.zones()).doesNotContainKey("a1");
    }

    @Test
    void withFewerThanThreeZonesNothingIsPlacedAndTheReasonIsKnown() throws Exception {
        ClusterManager manager = manager("m1");
        register("a1", "a");
        register("b1", "b");
        await().atMost(WAIT).until(() -> manager.lastError().isPresent());
        assertThat(manager.lastError().orElseThrow()).contains("at least 3 zones");
        assertThat(observer.checkExists().forPath(paths.placement())).isNull();

        register("c1", "c");
        awaitPlacement(p -> true);
        await().atMost(WAIT).until(() -> manager.lastError().isEmpty());
    }

    private ClusterManager manager(String id) throws Exception {
        return manager(id, Duration.ZERO);
    }

    private ClusterManager manager(String id, Duration grace) throws Exception {
        ClusterManager manager = new ClusterManager(zooKeeper.newClient(), paths, id, GROUPS, grace);
        resources.add(manager);
        manager.start();
        return manager;
    }

    private MembershipRegistry register(String nodeId, String zone) throws Exception {
        MembershipRegistry registry = new MembershipRegistry(zooKeeper.newClient(), paths,
                new NodeRegistration(nodeId, zone, Map.of("raft", nodeId + ":9870")));
        resources.add(registry);
        registry.start();
        assertThat(registry.awaitRegistered(WAIT)).isTrue();
        return registry;
    }

    private Placement awaitPlacement(java.util.function.Predicate<Placement> condition) {
        return await().atMost(WAIT).until(this::storedPlacement, p -> p != null && condition.test(p));
    }

    private Placement storedPlacement() throws Exception {
        if (observer.checkExists().forPath(paths.placement()) == null) {
            return null;
        }
        return PlacementCodec.fromBytes(observer.getData().forPath(paths.placement()));
    }
}
