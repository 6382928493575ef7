package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.core.batch.ColumnBatch;
import io.strata.internal.v1.DimensionFilter;
import io.strata.internal.v1.ListLocalReplicasRequest;
import io.strata.internal.v1.ListLocalReplicasResponse;
import io.strata.internal.v1.LocalReplica;
import io.strata.internal.v1.ScanLocalReplicaRequest;
import io.strata.internal.v1.ScanLocalReplicaResult;
import io.strata.raft.GroupId;
import io.strata.raft.shard.ColumnBatchMessages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real three-node cluster: every node's {@code ReplicaInspectionService} lists the groups it
 * hosts with one agreed leader, and scans its own replicas (no read barrier, followers included)
 * to exactly the rows its shard store holds, filtered by dimension value and group.
 */
class ReplicaInspectionClusterTest {
    private static final int RECORDS = 30;

    @TempDir
    static Path directory;

    static TestCluster cluster;

    @BeforeAll
    static void startClusterAndWrite() throws Exception {
        cluster = new TestCluster(directory);
        cluster.awaitReady();
        cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("inspect").build());
        cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName("inspect").setTableName("cpu").build());
        cluster.writes(0).writeRecords(Requests.cpuRecords("inspect", "cpu", 0, RECORDS, Instant.now().toEpochMilli()));
        cluster.awaitIdenticalReplicas("inspect", "cpu", RECORDS, 0, 1, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNodeListsItsGroupsAndAllAgreeOnOneReadyLeaderPerGroup() {
        Set<String> placed = new HashSet<>();
        cluster.groups().forEach(group -> placed.add(group.toString()));
        await("one leader per group, known to every node").atMost(TestCluster.WAIT).untilAsserted(() -> {
            for (String group : placed) {
                Set<String> leadersSeen = new HashSet<>();
                int readyLeaders = 0;
                for (int node = 0; node < 3; node++) {
                    ListLocalReplicasResponse response = cluster.inspection(node)
                            .listLocalReplicas(ListLocalReplicasRequest.getDefaultInstance());
                    assertThat(response.getNodeId()).isEqualTo(cluster.config(node).nodeId());
                    assertThat(response.getReplicasList()).extracting(LocalReplica::getGroupId)
                            .containsExactlyInAnyOrderElementsOf(placed);
                    LocalReplica replica = response.getReplicasList().stream()
                            .filter(candidate -> candidate.getGroupId().equals(group)).findFirst().orElseThrow();
                    leadersSeen.add(replica.getLeaderId());
                    assertThat(replica.getAppliedIndex()).isPositive();
                    if (replica.getLeaderReady()) {
                        assertThat(replica.getLeader()).isTrue();
                        assertThat(replica.getLeaderId()).isEqualTo(cluster.config(node).nodeId());
                        readyLeaders++;
                    }
                }
                assertThat(leadersSeen).as("leader of %s as each node sees it", group).hasSize(1);
                assertThat(readyLeaders).as("ready leaders of %s", group).isEqualTo(1);
            }
        });
    }

    @Test
    void everyNodeScansExactlyWhatItsOwnReplicasHold() {
        String tableId = cluster.tableId("inspect", "cpu");
        for (int node = 0; node < 3; node++) {
            List<ReplicaRows.Row> expected = new ArrayList<>();
            for (GroupId group : cluster.groups()) {
                expected.addAll(cluster.replica(node, group, tableId));
            }
            List<ScanLocalReplicaResult> results = scan(node, request().build());
            assertThat(rows(results)).as("node %d", node).containsExactlyInAnyOrderElementsOf(expected).hasSize(RECORDS);
            assertThat(results).extracting(ScanLocalReplicaResult::getGroupId).as("every hosted replica answers")
                    .containsAll(cluster.groups().stream().map(GroupId::toString).toList());
        }
    }

    @Test
    void aDimensionFilterAndAGroupNarrowTheScan() {
        String tableId = cluster.tableId("inspect", "cpu");
        List<ScanLocalReplicaResult> one = scan(1, request()
                .addDimensionFilters(DimensionFilter.newBuilder().setName("host").addValues("host-7").addValues("host-8"))
                .build());
        assertThat(rows(one)).extracting(ReplicaRows.Row::host).containsExactlyInAnyOrder("host-7", "host-8");

        for (GroupId group : cluster.groups()) {
            List<ScanLocalReplicaResult> ofGroup = scan(2, request().setGroupId(group.toString()).build());
            assertThat(ofGroup).extracting(ScanLocalReplicaResult::getGroupId).containsOnly(group.toString());
            assertThat(rows(ofGroup)).containsExactlyInAnyOrderElementsOf(cluster.replica(2, group, tableId));
            List<ScanLocalReplicaResult> byUuid = scan(2, request().setGroupId(group.uuid().toString()).build());
            assertThat(rows(byUuid)).isEqualTo(rows(ofGroup));
        }

        List<ScanLocalReplicaResult> none = scan(0, request()
                .addDimensionFilters(DimensionFilter.newBuilder().setName("host").addValues("no-such-host")).build());
        assertThat(rows(none)).isEmpty();
        assertThat(none).as("a replica with no matching row still answers").hasSize(cluster.groups().size());
    }

    @Test
    void anUnknownTableOrAMalformedGroupIsRefusedWithTimestreamErrors() {
        assertThatThrownBy(() -> scan(0, ScanLocalReplicaRequest.newBuilder().setDatabaseName("inspect")
                .setTableName("missing").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(Requests.detail(failure).getErrorName()).isEqualTo("ResourceNotFoundException");
                });
        assertThatThrownBy(() -> scan(0, request().setGroupId("group-7").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure ->
                        assertThat(Requests.detail(failure).getErrorName()).isEqualTo("ValidationException"));
    }

    private static ScanLocalReplicaRequest.Builder request() {
        return ScanLocalReplicaRequest.newBuilder().setDatabaseName("inspect").setTableName("cpu");
    }

    private static List<ScanLocalReplicaResult> scan(int node, ScanLocalReplicaRequest request) {
        List<ScanLocalReplicaResult> results = new ArrayList<>();
        cluster.inspection(node).scanLocalReplica(request).forEachRemaining(results::add);
        return results;
    }

    private static List<ReplicaRows.Row> rows(List<ScanLocalReplicaResult> results) {
        List<ColumnBatch> batches = new ArrayList<>();
        for (ScanLocalReplicaResult result : results) {
            if (result.getBatch().getRowCount() > 0) {
                batches.add(ColumnBatchMessages.fromMessage(result.getBatch()));
            }
        }
        return ReplicaRows.of(batches);
    }
}
