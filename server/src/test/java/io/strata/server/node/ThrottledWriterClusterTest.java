package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.Record;
import io.strata.client.StrataClient;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import java.lang.ref.WeakReference;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code RecordWriter} pushing far more than a node admits at once: the node throttles
 * (ThrottlingException, its bound of write bytes in progress), the writer retries, its producer is
 * held at the writer's buffer bound, and every record it acknowledged is stored exactly once.
 */
class ThrottledWriterClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledWriterClusterTest.class);
    /** About eight requests of 100 small records: the writer sends 32 at once. */
    private static final long NODE_WRITE_BYTES = 32 * 1024;
    private static final int RECORDS = 30_000;
    private static final int BUFFER_BOUND = 2_000;
    private static final int CHECKPOINT_EVERY = 7_500;

    @TempDir
    Path data;

    @Test
    void aWriterFacingAThrottlingNodeHoldsNoMoreThanItsBoundAndLosesNothing() throws Exception {
        try (TestCluster cluster = new TestCluster(data,
                (ordinal, config) -> config.withMaxInFlightWriteBytes(NODE_WRITE_BYTES))) {
            cluster.awaitReady();
            try (StrataClient client = StrataClient.builder().endpoints(cluster.config(0).grpcAddress())
                    .retryPolicy(SequenceRecords.PATIENT).build()) {
                SequenceRecords.createTable(client, "throttled", "points");
                SequenceRecords records = new SequenceRecords(Instant.now().minusSeconds(3_600).toEpochMilli());
                RecordWriterSettings settings = RecordWriterSettings.defaults().withMaxBufferedRecords(BUFFER_BOUND)
                        .withMaxRequestsInFlight(32).withRetryPolicy(SequenceRecords.PATIENT);

                Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
                Set<Integer> failed = ConcurrentHashMap.newKeySet();
                AtomicInteger completed = new AtomicInteger();
                @SuppressWarnings("unchecked")
                WeakReference<Record>[] written = new WeakReference[RECORDS];
                int mostOutstanding = 0;
                int mostBuffered = 0;
                long heapBefore = usedHeapAfterGc();
                long mostRetainedHeapGrowth = 0;
                try (RecordWriter writer = client.newRecordWriter(settings)) {
                    for (int seq = 0; seq < RECORDS; seq++) {
                        Record record = records.record(seq);
                        written[seq] = new WeakReference<>(record);
                        int number = seq;
                        writer.write("throttled", "points", record).whenComplete((result, failure) -> {
                            (failure == null ? acknowledged : failed).add(number);
                            completed.incrementAndGet();
                        });
                        record = null;
                        mostOutstanding = Math.max(mostOutstanding, seq + 1 - completed.get());
                        mostBuffered = Math.max(mostBuffered, writer.bufferedRecords());
                        if ((seq + 1) % CHECKPOINT_EVERY == 0) {
                            // Records the writer still holds are strongly reachable; the others are
                            // collectable once acknowledged. None may be held beyond the bound.
                            int upTo = seq + 1;
                            await("records held by the writer within its bound").atMost(Duration.ofSeconds(60))
                                    .pollInterval(Duration.ofMillis(200))
                                    .until(() -> reachable(written, upTo), held -> held <= BUFFER_BOUND);
                            mostRetainedHeapGrowth = Math.max(mostRetainedHeapGrowth, usedHeapAfterGc() - heapBefore);
                        }
                    }
                }
                StrataNode node = cluster.node(0);
                LOG.info("node throttled {} requests; most records outstanding {}, buffered {}; heap growth (cluster "
                                + "included) up to {} KiB", node.writeAdmission().throttledRequests(), mostOutstanding,
                        mostBuffered, mostRetainedHeapGrowth / 1024);

                assertThat(node.writeAdmission().throttledRequests()).as("requests the node throttled").isPositive();
                assertThat(mostOutstanding).as("records written but without outcome").isLessThanOrEqualTo(BUFFER_BOUND);
                assertThat(mostBuffered).isLessThanOrEqualTo(BUFFER_BOUND);
                assertThat(reachable(written, RECORDS)).as("records reachable after close").isZero();
                assertThat(failed).as("records that failed after retries").isEmpty();
                assertThat(acknowledged).hasSize(RECORDS);
                SequenceRecords.assertHoldsExactlyOnce(client, "throttled", "points", acknowledged, 1_000);
            }
        }
    }

    /** How many of the first {@code upTo} records are still reachable after a full collection. */
    private static int reachable(WeakReference<Record>[] written, int upTo) {
        System.gc();
        int held = 0;
        for (int seq = 0; seq < upTo; seq++) {
            if (written[seq].get() != null) {
                held++;
            }
        }
        return held;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
