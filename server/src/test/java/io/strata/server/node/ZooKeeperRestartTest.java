package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata outage: once ZooKeeper is back, writes to existing tables are served again. */
class ZooKeeperRestartTest {
    @TempDir
    Path data;

    @Test
    void writesToExistingTablesAreServedAfterAZooKeeperRestart() throws Exception {
        long now = System.currentTimeMillis();
        try (TestCluster cluster = new TestCluster(data)) {
            cluster.awaitReady();
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName("zk_db").build());
            cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName("zk_db")
                    .setTableName("zk_table").build());
            assertThat(cluster.writes(1).writeRecords(Requests.cpuRecords("zk_db", "zk_table", 0, 10, now))
                    .getRecordsIngested().getTotal()).isEqualTo(10);

            cluster.restartZooKeeper();

            // Every node coordinates writes again, not just one: each regains its ZooKeeper
            // session on its own schedule, so wait for each. A retried write repeats identical
            // records, which Timestream's duplicate rule accepts again.
            for (int node = 0; node < 3; node++) {
                int coordinator = node;
                await("node " + node + " serves writes after the ZooKeeper restart").atMost(TestCluster.WAIT)
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> cluster.writes(coordinator).writeRecords(
                                Requests.cpuRecords("zk_db", "zk_table", 100 + coordinator * 10, 10, now))
                                .getRecordsIngested().getTotal() == 10);
            }
        }
    }
}
