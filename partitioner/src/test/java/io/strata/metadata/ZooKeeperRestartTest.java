package io.strata.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strata.core.error.ServiceUnavailableException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZooKeeper goes away long enough for sessions to be lost, then comes back on the same port and data. */
class ZooKeeperRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    File zooKeeperData;
    private EmbeddedZooKeeper zooKeeper;
    private final MetadataPaths paths = MetadataPaths.defaults();

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(zooKeeperData);
    }

    @AfterEach
    void stop() throws Exception {
        zooKeeper.close();
    }

    @Test
    void theCacheGoesStaleThenFreshRegistrationsReturnAndTheCatalogIsServedThroughout() throws Exception {
        ManualClock clock = new ManualClock();
        CuratorFramework nodeClient = zooKeeper.newClient();
        Set<ConnectionState> nodeStates = ConcurrentHashMap.newKeySet();
        nodeClient.getConnectionStateListenable().addListener((client, state) -> nodeStates.add(state));
        CatalogStore catalog = new CatalogStore(nodeClient, paths);
        catalog.createDatabase("fleet", bytes("db"));
        catalog.createTable("fleet", "cpu", bytes("table"));
        try (MembershipRegistry registry = new MembershipRegistry(nodeClient, paths,
                     new NodeRegistration("node-a", "a", Map.of("raft", "a:9870")));
             RoutingCache cache = new RoutingCache(zooKeeper.newClient(), paths, clock)) {
            registry.start();
            cache.start();
            await().atMost(WAIT).until(() -> !cache.stale() && cache.view().members().containsKey("node-a")
                    && cache.table("fleet", "cpu").isPresent());
            long sessionBefore = nodeClient.getZookeeperClient().getZooKeeper().getSessionId();

            zooKeeper.stop();

            await().atMost(WAIT).until(cache::stale);
            assertThatThrownBy(cache::routableView).isInstanceOf(ServiceUnavailableException.class);
            assertThat(cache.readableView(Duration.ofSeconds(30)).members()).containsKey("node-a");
            clock.advance(Duration.ofSeconds(31));
            assertThatThrownBy(() -> cache.readableView(Duration.ofSeconds(30)))
                    .isInstanceOf(ServiceUnavailableException.class);
            assertThat(cache.table("fleet", "cpu").orElseThrow().value()).isEqualTo(bytes("table"));
            // stay down past the session timeout so the sessions are lost, not just suspended
            await().atMost(WAIT).until(() -> nodeStates.contains(ConnectionState.LOST));
            assertThat(cache.stale()).isTrue();
            assertThat(cache.databaseNames()).containsExactly("fleet");

            zooKeeper.restart();

            await().atMost(WAIT).until(() -> !cache.stale());
            await().atMost(WAIT).until(registry::registeredInCurrentSession);
            assertThat(nodeClient.getZookeeperClient().getZooKeeper().getSessionId()).isNotEqualTo(sessionBefore);
            await().atMost(WAIT).until(() -> cache.routableView().members().containsKey("node-a"));
            assertThat(cache.table("fleet", "cpu").orElseThrow().value()).isEqualTo(bytes("table"));

            // and the cache follows changes again
            catalog.createTable("fleet", "memory", bytes("t2"));
            await().atMost(WAIT).until(() -> cache.tableNames("fleet").contains("memory"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
