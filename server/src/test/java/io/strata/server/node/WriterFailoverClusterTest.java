package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.client.StrataClient;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code RecordWriter} streams to the first of three endpoints; that node is stopped
 * mid-stream. The writer moves to the next node and carries on, and afterwards every record it
 * acknowledged is queried back exactly once (a request cut off by the stop may have been committed
 * before its retry on another node: Timestream's duplicate rule keeps the retry from doubling it).
 */
class WriterFailoverClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(WriterFailoverClusterTest.class);
    private static final int RECORDS = 40_000;
    private static final int STOP_AFTER_ACKNOWLEDGED = 5_000;

    @TempDir
    Path data;

    @Test
    void theWriterFailsOverWhenItsNodeStopsAndEveryAcknowledgedRecordIsStoredOnce() throws Exception {
        try (TestCluster cluster = new TestCluster(data)) {
            cluster.awaitReady();
            try (StrataClient client = StrataClient.builder()
                    .endpoints(cluster.config(0).grpcAddress(), cluster.config(1).grpcAddress(),
                            cluster.config(2).grpcAddress())
                    .callDeadline(Duration.ofSeconds(30))
                    .retryPolicy(SequenceRecords.PATIENT).build()) {
                SequenceRecords.createTable(client, "failover", "points");
                SequenceRecords records = new SequenceRecords(Instant.now().minusSeconds(3_600).toEpochMilli());
                RecordWriterSettings settings = RecordWriterSettings.defaults().withMaxBufferedRecords(2_000)
                        .withMaxRequestsInFlight(8).withRetryPolicy(SequenceRecords.PATIENT);

                Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
                Set<Integer> failed = ConcurrentHashMap.newKeySet();
                AtomicInteger acknowledgedAfterStop = new AtomicInteger();
                AtomicInteger maxAttempts = new AtomicInteger();
                AtomicBoolean stopped = new AtomicBoolean();
                // Half the stream is held back until the node is down, so some writes are certainly sent
                // after the stop, however fast the cluster acknowledges the first half.
                CountDownLatch nodeStopped = new CountDownLatch(1);
                try (RecordWriter writer = client.newRecordWriter(settings)) {
                    Thread producer = Thread.ofPlatform().name("failover-producer").start(() -> {
                        for (int seq = 0; seq < RECORDS; seq++) {
                            if (seq == RECORDS / 2) {
                                try {
                                    nodeStopped.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                            }
                            int number = seq;
                            writer.write("failover", "points", records.record(seq)).whenComplete((result, failure) -> {
                                if (failure != null) {
                                    failed.add(number);
                                    return;
                                }
                                acknowledged.add(number);
                                maxAttempts.accumulateAndGet(result.attempts(), Math::max);
                                if (stopped.get()) {
                                    acknowledgedAfterStop.incrementAndGet();
                                }
                            });
                        }
                    });
                    await("records acknowledged before the stop").atMost(TestCluster.WAIT)
                            .until(() -> acknowledged.size() >= STOP_AFTER_ACKNOWLEDGED);
                    int beforeStop = acknowledged.size();
                    cluster.stop(0);
                    stopped.set(true);
                    nodeStopped.countDown();
                    LOG.info("node-a stopped after {} records were acknowledged", beforeStop);
                    producer.join(TimeUnit.MINUTES.toMillis(4));
                    assertThat(producer.isAlive()).as("producer still writing").isFalse();
                }
                LOG.info("{} acknowledged, {} after the stop, {} failed, most attempts of one request {}",
                        acknowledged.size(), acknowledgedAfterStop.get(), failed.size(), maxAttempts.get());

                assertThat(acknowledgedAfterStop.get()).as("records acknowledged by the other nodes").isPositive();
                assertThat(failed).as("records that failed after retries").isEmpty();
                assertThat(acknowledged).hasSize(RECORDS);
                SequenceRecords.assertHoldsExactlyOnce(client, "failover", "points", acknowledged, 1_000);
            }
        }
    }
}
