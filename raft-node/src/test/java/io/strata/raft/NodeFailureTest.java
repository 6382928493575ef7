package io.strata.raft;

import static io.strata.raft.Commands.bytes;
import static io.strata.raft.Commands.numbered;
import static io.strata.raft.Commands.writeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.raft.client.GroupClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Nodes stopping and coming back, with real Ratis over gRPC and storage on disk. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class NodeFailureTest {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFailureTest.class);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PADDING = "x".repeat(100);

    @TempDir
    Path storage;

    @Test
    void aStoppedNodeCatchesUpFromTheLogWhenRestarted() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings)) {
            GroupId group = GroupId.named("log-catch-up");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
            writeAll(client, numbered("before", 0, 5));
            int leader = cluster.awaitLeader(group);
            int stopped = cluster.anyFollower(group, leader);
            await().atMost(ThreeNodeCluster.WAIT).until(() -> cluster.contents(stopped, group).size() == 5);
            long appliedWhenStopped = cluster.status(stopped, group).lastAppliedIndex();
            cluster.stop(stopped);

            // Two of three is a majority: writes are still acknowledged.
            writeAll(client, numbered("during", 0, 20));
            assertThat(cluster.status(leader, group).logStartIndex()).isLessThanOrEqualTo(1);

            cluster.start(stopped);
            List<String> expected = new ArrayList<>(numbered("before", 0, 5));
            expected.addAll(numbered("during", 0, 20));
            awaitEveryReplica(cluster, group, expected);
            // Its only snapshot is the one it took itself when stopping: the rest came from the log.
            assertThat(cluster.status(stopped, group).snapshotIndex()).isLessThanOrEqualTo(appliedWhenStopped);
            assertThat(cluster.shard(stopped, group).repeatedApplies()).isZero();
        }
    }

    @Test
    void aStoppedNodeCatchesUpFromASnapshotAfterTheLogWasPurged() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings
                .withSnapshotEveryEntries(50)
                .withLogSegmentSizeBytes(16 * 1024)
                .withLogPurgeGap(10))) {
            GroupId group = GroupId.named("snapshot-catch-up");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
            writeAll(client, numbered("before", 0, 10));
            int leader = cluster.awaitLeader(group);
            int stopped = cluster.anyFollower(group, leader);
            await().atMost(ThreeNodeCluster.WAIT).until(() -> cluster.contents(stopped, group).size() == 10);
            long appliedWhenStopped = cluster.status(stopped, group).lastAppliedIndex();
            assertThat(cluster.status(stopped, group).snapshotIndex()).isEqualTo(-1);
            cluster.stop(stopped);

            List<String> during = numbered("during-" + PADDING, 0, 400);
            writeAll(client, during);
            // The entries the stopped node misses are gone from the leader's log.
            await("leader's log purged past the stopped node").atMost(ThreeNodeCluster.WAIT)
                    .until(() -> cluster.status(leader, group).logStartIndex() > appliedWhenStopped + 1);

            cluster.start(stopped);
            List<String> expected = new ArrayList<>(numbered("before", 0, 10));
            expected.addAll(during);
            awaitEveryReplica(cluster, group, expected);
            // Entries past appliedWhenStopped exist only in snapshots now: it must hold one of those.
            assertThat(cluster.status(stopped, group).snapshotIndex()).isGreaterThan(appliedWhenStopped);
            assertThat(cluster.shard(stopped, group).repeatedApplies()).isZero();

            // And it keeps replicating normally afterwards.
            writeAll(client, List.of("after"));
            expected.add("after");
            awaitEveryReplica(cluster, group, expected);
        }
    }

    @Test
    void withTwoNodesDownAWriteFailsUnavailableAndIsNeverAppliedLater() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings)) {
            GroupId group = GroupId.named("no-quorum");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
            List<String> acknowledged = new ArrayList<>(numbered("acknowledged", 0, 5));
            writeAll(client, acknowledged);
            int leader = cluster.awaitLeader(group);
            int follower = cluster.anyFollower(group, leader);
            // The survivor is a follower: without a leader nothing can be appended anywhere.
            cluster.stop(leader);
            cluster.stop(follower);

            GroupClient impatient = cluster.client(group, Duration.ofSeconds(3));
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> impatient.submit(bytes("unacknowledged")).get(60, TimeUnit.SECONDS));
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure).isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining(group.toString())
                    .hasMessageContaining("was not acknowledged");
            LOG.info("the client was told: {}", failure.getCause().getMessage());
            LOG.info("write without quorum failed after {} ms", failedAfter.toMillis());
            assertThat(failedAfter).isLessThan(Duration.ofSeconds(20));
            assertThatThrownBy(() -> impatient.read(new byte[0]).get(60, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(ServiceUnavailableException.class);

            cluster.start(leader);
            cluster.start(follower);
            writeAll(client, List.of("after-recovery"));
            acknowledged.add("after-recovery");
            awaitEveryReplica(cluster, group, acknowledged);
        }
    }

    @Test
    void aLeaderLeftAloneAnswersUnavailableInBoundedTimeAndTheWriteIsAtMostOnceLater() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings)) {
            GroupId group = GroupId.named("lonely-leader");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
            List<String> acknowledged = numbered("acknowledged", 0, 5);
            writeAll(client, acknowledged);
            int leader = cluster.awaitLeader(group);
            for (int node = 0; node < 3; node++) {
                if (node != leader) {
                    cluster.stop(node);
                }
            }

            // The leader may append the write but can never commit it: the client must not wait forever.
            GroupClient impatient = cluster.client(group, Duration.ofSeconds(3));
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> impatient.submit(bytes("unacknowledged")).get(60, TimeUnit.SECONDS));
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure).cause().isInstanceOf(ServiceUnavailableException.class);
            LOG.info("write to a leader without quorum failed after {} ms", failedAfter.toMillis());
            assertThat(failedAfter).isLessThan(Duration.ofSeconds(20));

            for (int node = 0; node < 3; node++) {
                if (node != leader) {
                    cluster.start(node);
                }
            }
            writeAll(client, List.of("after-recovery"));

            // Unacknowledged is not lost-or-applied knowledge: the write may surface once, never twice,
            // and every replica agrees either way.
            await().atMost(ThreeNodeCluster.WAIT).untilAsserted(() -> {
                List<String> first = cluster.contents(0, group);
                assertThat(first).last().isEqualTo("after-recovery");
                assertThat(first.subList(0, acknowledged.size())).isEqualTo(acknowledged);
                assertThat(first.subList(acknowledged.size(), first.size() - 1))
                        .isIn(List.of(), List.of("unacknowledged"));
                assertThat(cluster.contents(1, group)).isEqualTo(first);
                assertThat(cluster.contents(2, group)).isEqualTo(first);
            });
            LOG.info("after recovery the unacknowledged write was {}",
                    cluster.contents(0, group).contains("unacknowledged") ? "committed once" : "discarded");
        }
    }

    @Test
    void whenTheLeaderStopsANewLeaderIsElectedAndWritesAreAcknowledgedAgain() throws Exception {
        try (ThreeNodeCluster cluster = new ThreeNodeCluster(storage, settings -> settings)) {
            GroupId group = GroupId.named("failover");
            cluster.addGroup(group);
            GroupClient client = cluster.client(group, CLIENT_TIMEOUT);
            writeAll(client, numbered("before", 0, 5));
            int oldLeader = cluster.awaitLeader(group);

            cluster.stop(oldLeader);
            long stopped = System.nanoTime();
            client.submit(bytes("after-failover")).get(60, TimeUnit.SECONDS);
            Duration failover = Duration.ofNanos(System.nanoTime() - stopped);
            LOG.info("failover: a write was acknowledged {} ms after the leader stopped", failover.toMillis());
            System.out.println("FAILOVER_MS=" + failover.toMillis());

            assertThat(failover).isLessThan(Duration.ofSeconds(15));
            int newLeader = cluster.awaitLeader(group);
            assertThat(newLeader).isNotEqualTo(oldLeader);

            List<String> expected = new ArrayList<>(numbered("before", 0, 5));
            expected.add("after-failover");
            cluster.start(oldLeader);
            awaitEveryReplica(cluster, group, expected);
        }
    }

    private static void awaitEveryReplica(ThreeNodeCluster cluster, GroupId group, List<String> expected) {
        for (int node = 0; node < 3; node++) {
            int replica = node;
            await("replica " + replica + " of " + group).atMost(ThreeNodeCluster.WAIT)
                    .untilAsserted(() -> assertThat(cluster.contents(replica, group)).isEqualTo(expected));
        }
    }
}
