package io.strata.raft;

import static io.strata.raft.Commands.bytes;
import static io.strata.raft.Commands.numbered;
import static io.strata.raft.Commands.writeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ValidationException;
import io.strata.raft.client.GroupClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Replication through real Ratis over gRPC: three nodes in this JVM, groups on all three. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplicationTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path storage;

    private ThreeNodeCluster cluster;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new ThreeNodeCluster(storage, settings -> settings);
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void aWriteReachesEveryReplicaWithIdenticalContents() throws Exception {
        GroupId group = GroupId.named("metrics-0");
        cluster.addGroup(group);
        GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
        List<String> written = numbered("cpu", 0, 50);

        writeAll(client, written);

        // Acknowledged means committed: a linearizable read sees all of it at once.
        assertThat(Commands.count(client)).isEqualTo(written.size());
        for (int node = 0; node < 3; node++) {
            int replica = node;
            await("replica " + replica).atMost(ThreeNodeCluster.WAIT)
                    .untilAsserted(() -> assertThat(cluster.contents(replica, group)).isEqualTo(written));
        }
    }

    @Test
    void twoGroupsOnTheSameNodesWorkIndependently() throws Exception {
        GroupId first = GroupId.named("metrics-1");
        GroupId second = GroupId.named("metrics-2");
        cluster.addGroup(first);
        cluster.addGroup(second);
        GroupClient firstClient = cluster.client(first, CLIENT_TIMEOUT);
        GroupClient secondClient = cluster.client(second, CLIENT_TIMEOUT);

        writeAll(firstClient, numbered("first", 0, 20));
        writeAll(secondClient, numbered("second", 0, 7));

        for (int node = 0; node < 3; node++) {
            int replica = node;
            await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() -> {
                assertThat(cluster.contents(replica, first)).isEqualTo(numbered("first", 0, 20));
                assertThat(cluster.contents(replica, second)).isEqualTo(numbered("second", 0, 7));
            });
            assertThat(cluster.node(replica).groups()).containsExactlyInAnyOrder(first, second);
        }

        // Removing one group from every node leaves the other serving, and deletes the removed data.
        for (int node = 0; node < 3; node++) {
            cluster.node(node).removeGroup(second);
        }
        writeAll(firstClient, numbered("first", 20, 5));
        for (int node = 0; node < 3; node++) {
            int replica = node;
            assertThat(cluster.node(replica).groups()).containsExactly(first);
            assertThat(cluster.groupDirectory(replica, second)).doesNotExist();
            await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() ->
                    assertThat(cluster.contents(replica, first)).isEqualTo(numbered("first", 0, 25)));
        }
    }

    @Test
    void aValidationRejectionArrivesAsTheShardsExceptionAndReplicatesNothing() throws Exception {
        GroupId group = GroupId.named("metrics-3");
        cluster.addGroup(group);
        GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
        writeAll(client, List.of("before"));
        int leader = cluster.awaitLeader(group);
        long appliedBefore = cluster.status(leader, group).lastAppliedIndex();

        assertThatThrownBy(() -> client.submit(bytes(CommandLogShard.REJECT + "measure_value is not a number")).get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("measure_value is not a number");

        // Nothing entered the log: the leader's applied index did not move.
        assertThat(cluster.status(leader, group).lastAppliedIndex()).isEqualTo(appliedBefore);
        writeAll(client, List.of("after"));
        for (int node = 0; node < 3; node++) {
            int replica = node;
            await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() ->
                    assertThat(cluster.contents(replica, group)).containsExactly("before", "after"));
        }
    }

    @Test
    void aRejectionWhileApplyingArrivesAsTheShardsExceptionOnEveryReplica() throws Exception {
        GroupId group = GroupId.named("metrics-4");
        cluster.addGroup(group);
        GroupClient client = cluster.client(group, CLIENT_TIMEOUT);

        assertThatThrownBy(() -> client.submit(bytes(CommandLogShard.CONFLICT + "version 3 exists")).get())
                .cause()
                .isExactlyInstanceOf(ConflictException.class)
                .hasMessage("version 3 exists");
        writeAll(client, List.of("next"));

        for (int node = 0; node < 3; node++) {
            int replica = node;
            await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() ->
                    assertThat(cluster.contents(replica, group)).containsExactly("next"));
        }
    }

    @Test
    void commandsFromOneClientAreAppliedInTheOrderSent() throws Exception {
        GroupId group = GroupId.named("metrics-5");
        cluster.addGroup(group);
        GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
        List<String> written = new ArrayList<>(numbered("ordered", 0, 300));

        writeAll(client, written);

        await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() -> {
            for (int node = 0; node < 3; node++) {
                assertThat(cluster.contents(node, group)).isEqualTo(written);
            }
        });
    }
}
