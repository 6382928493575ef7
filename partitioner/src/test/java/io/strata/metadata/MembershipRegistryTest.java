package io.strata.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipRegistryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    File zooKeeperData;
    private EmbeddedZooKeeper zooKeeper;
    private final MetadataPaths paths = MetadataPaths.defaults();

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(zooKeeperData);
    }

    @AfterEach
    void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    @Test
    void aNodeRegistersAnEphemeralZnodeWithItsZoneAndAddresses() throws Exception {
        CuratorFramework nodeClient = zooKeeper.newClient();
        NodeRegistration registration = new NodeRegistration("node-1", "zone-a", Map.of("raft", "10.0.0.1:9870"));
        try (MembershipRegistry registry = new MembershipRegistry(nodeClient, paths, registration)) {
            registry.start();
            assertThat(registry.awaitRegistered(WAIT)).isTrue();

            CuratorFramework observer = zooKeeper.newClient();
            Stat stat = observer.checkExists().forPath(paths.member("node-1"));
            assertThat(stat.getEphemeralOwner()).isEqualTo(nodeClient.getZookeeperClient().getZooKeeper().getSessionId());
            assertThat(MembershipRegistry.liveMembers(observer, paths)).containsExactly(registration);
            assertThat(registry.registeredInCurrentSession()).isTrue();
        }
    }

    @Test
    void closingTheNodesClientRemovesItsRegistration() throws Exception {
        CuratorFramework nodeClient = zooKeeper.newClient();
        MembershipRegistry registry = new MembershipRegistry(nodeClient, paths,
                new NodeRegistration("node-2", "zone-b", Map.of()));
        registry.start();
        assertThat(registry.awaitRegistered(WAIT)).isTrue();
        CuratorFramework observer = zooKeeper.newClient();
        assertThat(MembershipRegistry.liveMembers(observer, paths)).hasSize(1);

        // the process dies: its session ends, nobody deletes anything by hand
        nodeClient.getZookeeperClient().getZooKeeper().close();

        await().atMost(WAIT).until(() -> MembershipRegistry.liveMembers(observer, paths).isEmpty());
        registry.close();
    }

    @Test
    void closingTheRegistryLeavesTheCluster() throws Exception {
        CuratorFramework observer = zooKeeper.newClient();
        MembershipRegistry registry = new MembershipRegistry(zooKeeper.newClient(), paths,
                new NodeRegistration("node-3", "zone-c", Map.of()));
        registry.start();
        assertThat(registry.awaitRegistered(WAIT)).isTrue();
        registry.close();
        await().atMost(WAIT).until(() -> observer.checkExists().forPath(paths.member("node-3")) == null);
    }

    @Test
    void aNodeIsReRegisteredInItsNewSessionAfterTheOldOneExpires() throws Exception {
        CuratorFramework nodeClient = zooKeeper.newClient();
        try (MembershipRegistry registry = new MembershipRegistry(nodeClient, paths,
                new NodeRegistration("node-4", "zone-a", Map.of()))) {
            registry.start();
            assertThat(registry.awaitRegistered(WAIT)).isTrue();
            long firstSession = nodeClient.getZookeeperClient().getZooKeeper().getSessionId();

            // what a long GC pause or partition does: the server expires the session
            nodeClient.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

            await().atMost(WAIT).until(() -> nodeClient.getZookeeperClient().isConnected()
                    && nodeClient.getZookeeperClient().getZooKeeper().getSessionId() != firstSession
                    && registry.registeredInCurrentSession());
        }
    }
}
