package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.Record;
import io.strata.api.v1.RejectedRecord;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.coordinator.write.WriteBatchingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent WriteRecords that the coordinators combine into shared Raft entries (one entry in
 * flight per group, so the writes that arrive meanwhile travel together) still answer exactly as
 * if each had been written alone: its own RecordsIngested counts, its own rejections at its own
 * record indexes, idempotent retries accepted, and every acknowledged record on every replica.
 */
class ConcurrentWriteBatchingTest {
    private static final String DATABASE = "metrics";
    private static final String TABLE = "cpu_usage";
    private static final int WRITERS = 24;
    private static final int FRESH_PER_WRITE = 10;
    private static final int SEEDED = 20;
    private static final int CONFLICT_INDEX = 3;

    @TempDir
    Path data;

    @Test
    void combinedWritesEachGetTheirOwnOutcomes() throws Exception {
        long now = System.currentTimeMillis();
        WriteBatchingSettings oneEntryInFlight = new WriteBatchingSettings(1_000, 1024 * 1024, 1);
        try (TestCluster cluster = new TestCluster(data, (ordinal, config) -> config.withWriteBatching(oneEntryInFlight));
             ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            cluster.awaitReady();
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(DATABASE).build());
            cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE).build());
            assertThat(cluster.writes(0).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 0, SEEDED, now))
                    .getRecordsIngested().getTotal()).isEqualTo(SEEDED);

            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> answers = new ArrayList<>();
            for (int k = 0; k < WRITERS; k++) {
                WriteRecordsRequest request = request(k, now);
                int node = k % 3;
                answers.add(writers.submit(() -> {
                    go.await();
                    try {
                        return cluster.writes(node).writeRecords(request);
                    } catch (StatusRuntimeException rejected) {
                        return Requests.detail(rejected);
                    }
                }));
            }
            go.countDown();

            for (int k = 0; k < WRITERS; k++) {
                Object answer = answers.get(k).get(TestCluster.WAIT.toSeconds(), TimeUnit.SECONDS);
                if (k % 2 == 0) {
                    // Even writes carry, at CONFLICT_INDEX, a seeded point with another value.
                    assertThat(answer).as("write %d", k).isInstanceOf(ErrorDetail.class);
                    ErrorDetail detail = (ErrorDetail) answer;
                    assertThat(detail.getErrorName()).isEqualTo("RejectedRecordsException");
                    assertThat(detail.getRejectedRecordsList()).extracting(RejectedRecord::getRecordIndex)
                            .as("write %d", k).containsExactly(CONFLICT_INDEX);
                    assertThat(detail.getRejectedRecords(0).getExistingVersion()).isEqualTo(1);
                } else {
                    // Odd writes carry, at CONFLICT_INDEX, an identical retry of a seeded point.
                    assertThat(answer).as("write %d", k).isInstanceOf(WriteRecordsResponse.class);
                    WriteRecordsResponse response = (WriteRecordsResponse) answer;
                    assertThat(response.getRecordsIngested().getTotal()).isEqualTo(FRESH_PER_WRITE + 1);
                    assertThat(response.getRecordsIngested().getMemoryStore()).isEqualTo(FRESH_PER_WRITE + 1);
                }
            }
            List<ReplicaRows.Row> rows = cluster.awaitIdenticalReplicas(DATABASE, TABLE,
                    SEEDED + WRITERS * FRESH_PER_WRITE, 0, 1, 2);
            assertThat(rows).extracting(ReplicaRows.Row::host).doesNotHaveDuplicates();
        }
    }

    /** Write {@code k}: its own fresh hosts, and at CONFLICT_INDEX a seeded host (conflicting if k is even). */
    private static WriteRecordsRequest request(int k, long now) {
        int firstFresh = 1_000 + k * FRESH_PER_WRITE;
        List<Record> records = new ArrayList<>(
                Requests.cpuRecords(DATABASE, TABLE, firstFresh, FRESH_PER_WRITE, now).getRecordsList());
        Record seeded = Requests.cpuRecords(DATABASE, TABLE, k % SEEDED, 1, now).getRecords(0);
        records.add(CONFLICT_INDEX, k % 2 == 0 ? seeded.toBuilder().setMeasureValue("12345.5").build() : seeded);
        return WriteRecordsRequest.newBuilder().setDatabaseName(DATABASE).setTableName(TABLE)
                .addAllRecords(records).build();
    }
}
