package io.strata.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.utils.CloseableUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    File zooKeeperData;
    private EmbeddedZooKeeper zooKeeper;
    private RoutingCache cache;
    private final MetadataPaths paths = MetadataPaths.defaults();

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(zooKeeperData);
        cache = new RoutingCache(zooKeeper.newClient(), paths, Clock.systemUTC());
        cache.start();
    }

    @AfterEach
    void stop() throws Exception {
        cache.close();
        zooKeeper.close();
    }

    @Test
    void theViewBecomesFreshOnceLoaded() {
        await().atMost(WAIT).until(() -> !cache.stale());
        assertThat(cache.routableView().placement()).isNull();
        assertThat(cache.routableView().members()).isEmpty();
    }

    @Test
    void catalogChangesMadeByAnotherClientShowUp() throws Exception {
        CatalogStore otherNode = new CatalogStore(zooKeeper.newClient(), paths);
        otherNode.createDatabase("fleet", bytes("db"));
        otherNode.createTable("fleet", "cpu", bytes("v0"));
        await().atMost(WAIT).until(() -> cache.table("fleet", "cpu").isPresent());
        assertThat(cache.databaseNames()).containsExactly("fleet");
        assertThat(cache.tableNames("fleet")).containsExactly("cpu");
        assertThat(cache.database("fleet").orElseThrow().value()).isEqualTo(bytes("db"));

        otherNode.updateTable("fleet", "cpu", bytes("v1"), 0);
        await().atMost(WAIT).until(() -> cache.table("fleet", "cpu").orElseThrow().version() == 1);
        assertThat(cache.table("fleet", "cpu").orElseThrow().value()).isEqualTo(bytes("v1"));

        otherNode.deleteTable("fleet", "cpu", 1);
        await().atMost(WAIT).until(() -> cache.table("fleet", "cpu").isEmpty());
        assertThat(cache.tableNames("fleet")).isEmpty();
    }

    @Test
    void membersAndThePlacementWrittenByTheClusterManagerShowUp() throws Exception {
        List<MembershipRegistry> registries = new ArrayList<>();
        try (ClusterManager manager = new ClusterManager(zooKeeper.newClient(), paths, "m1", 4, Duration.ZERO)) {
            manager.start();
            for (String zone : new String[] {"a", "b", "c"}) {
                MembershipRegistry registry = new MembershipRegistry(zooKeeper.newClient(), paths,
                        new NodeRegistration("node-" + zone, zone, Map.of("raft", "host-" + zone + ":9870")));
                registries.add(registry);
                registry.start();
            }
            await().atMost(WAIT).until(() -> cache.view().placement() != null && cache.view().members().size() == 3);
            RoutingView view = cache.routableView();
            Placement placement = view.placement();
            assertThat(placement.groupCount()).isEqualTo(4);
            assertThat(view.livePeers(new GroupId(0))).hasSize(3)
                    .extracting(NodeRegistration::zone).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(view.livePeers(new GroupId(0)).getFirst().nodeId())
                    .isEqualTo(placement.group(new GroupId(0)).preferredLeader());
        } finally {
            registries.forEach(CloseableUtils::closeQuietly);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
