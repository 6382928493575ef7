package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.WriteRecordsResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write path end to end on three nodes: a write acknowledged through the public gRPC API is on
 * every replica, survives the loss of one node and a full restart, and is never acknowledged
 * without a quorum.
 */
class ReplicatedWriteTest {
    private static final String DATABASE = "metrics";
    private static final String TABLE = "cpu_usage";

    @TempDir
    Path data;

    @Test
    void acknowledgedWritesAreOnEveryReplicaAndSurviveNodeLossAndRestart() throws Exception {
        long now = System.currentTimeMillis();
        int acknowledged = 0;
        try (TestCluster cluster = new TestCluster(data)) {
            cluster.awaitReady();
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(DATABASE).build());
            cluster.admin(1).createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE).build());

            // Any node coordinates: write through node c right after the table was created through node b.
            WriteRecordsResponse response = cluster.writes(2).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 0, 40, now));
            assertThat(response.getRecordsIngested().getTotal()).isEqualTo(40);
            assertThat(response.getRecordsIngested().getMemoryStore()).isEqualTo(40);
            acknowledged += 40;
            cluster.awaitIdenticalReplicas(DATABASE, TABLE, acknowledged, 0, 1, 2);

            // One node down: the two others still form a quorum for every group.
            cluster.stop(2);
            response = cluster.writes(0).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 40, 30, now));
            assertThat(response.getRecordsIngested().getTotal()).isEqualTo(30);
            acknowledged += 30;

            // It comes back on the same data and catches up.
            cluster.start(2);
            cluster.awaitReady();
            cluster.awaitIdenticalReplicas(DATABASE, TABLE, acknowledged, 0, 1, 2);

            // Two nodes down: no quorum, so nothing is acknowledged and the error says why.
            cluster.stop(1);
            cluster.stop(2);
            StatusRuntimeException unavailable = catchThrowableOfType(StatusRuntimeException.class,
                    () -> cluster.writes(0).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 1000, 5, now)));
            assertThat(unavailable.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            ErrorDetail detail = Requests.detail(unavailable);
            assertThat(detail.getErrorName()).isEqualTo("ServiceUnavailableException");
            assertThat(detail.getMessage()).contains("no leader with a quorum");

            // Full restart (ZooKeeper and every node) on the same data: every acknowledged record
            // is still there, on every replica.
            cluster.restartEverything();
            cluster.awaitReady();
            List<ReplicaRows.Row> rows = cluster.awaitIdenticalReplicas(DATABASE, TABLE, -1, 0, 1, 2);
            List<String> hosts = rows.stream().map(ReplicaRows.Row::host).toList();
            for (int i = 0; i < acknowledged; i++) {
                assertThat(hosts).contains("host-" + i);
            }
            // A restarted cluster accepts writes again.
            assertThat(cluster.writes(1).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 2000, 3, now))
                    .getRecordsIngested().getTotal()).isEqualTo(3);
        }
    }
}
