package io.strata.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.Records;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.transport.RetryPolicy;
import io.strata.client.write.RecordWriter;
import io.strata.client.write.RecordWriterSettings;
import io.strata.client.write.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the node a client talks to dies, the client moves to the next endpoint and loses nothing. */
class FailoverTest {
    private static final int RECORDS = 2_000;

    @Test
    void recordsWrittenWhileTheFirstNodeDiesAreAllAcknowledgedByTheSecond() throws InterruptedException {
        try (RecordingWriteService first = new RecordingWriteService(1, (call, request) -> null);
                RecordingWriteService second = new RecordingWriteService(1, (call, request) -> null);
                InProcessNode nodeA = InProcessNode.start(first);
                InProcessNode nodeB = InProcessNode.start(second);
                StrataClient client = InProcessNode.clientFor(nodeA, nodeB).build()) {
            RecordWriter writer = client.newRecordWriter(RecordWriterSettings.defaults()
                    .withMaxRecordsPerRequest(20)
                    .withLinger(Duration.ofMillis(2))
                    .withMaxBufferedRecords(200)
                    .withRetryPolicy(new RetryPolicy(20, Duration.ofMillis(5), Duration.ofMillis(100), 2.0, Duration.ofMinutes(1))));
            List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
            int killedAt = -1;
            for (int id = 0; id < RECORDS; id++) {
                futures.add(writer.write("iot", "readings", Records.reading(id)));
                if (id == RECORDS / 4) {
                    await().atMost(1, TimeUnit.MINUTES).until(() -> first.storedById().size() >= 100);
                    nodeA.kill();
                    killedAt = id;
                }
            }
            writer.close();

            assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted().isNotCompletedExceptionally());
            Set<String> stored = new HashSet<>(first.storedById().keySet());
            stored.addAll(second.storedById().keySet());
            assertThat(stored).hasSize(RECORDS);
            for (int id = killedAt + 1; id < RECORDS; id++) {
                assertThat(second.storedById()).containsKey(Integer.toString(id));
            }
            assertThat(second.storedById().values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(first.storedById()).isNotEmpty();
        }
    }
}
