package io.strata.client.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.client.StrataClient;
import io.strata.client.testing.InProcessNode;
import io.strata.client.testing.Records;
import io.strata.client.testing.RecordingWriteService;
import io.strata.client.testing.ServerErrors;
import io.strata.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A writer facing a server that throttles for a while keeps its memory bounded and loses nothing. */
class RecordWriterBackpressureTest {
    private static final int RECORDS = 3_000;
    private static final int BOUND = 300;
    private static final int THROTTLED_CALLS = 60;
    private static final int IN_FLIGHT = 4;

    private RecordingWriteService server;
    private InProcessNode node;
    private StrataClient client;

    @BeforeEach
    void start() {
        server = new RecordingWriteService(2, (call, request) -> call <= THROTTLED_CALLS ? ServerErrors.throttling() : null);
        node = InProcessNode.start(server);
        client = InProcessNode.clientFor(node).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        node.close();
        server.close();
    }

    private RecordWriterSettings settings(BufferFullPolicy policy) {
        return RecordWriterSettings.defaults()
                .withMaxRecordsPerRequest(50)
                .withLinger(Duration.ofMillis(5))
                .withMaxBufferedRecords(BOUND)
                .withMaxRequestsInFlight(IN_FLIGHT)
                .withBufferFullPolicy(policy)
                .withRetryPolicy(new RetryPolicy(1_000, Duration.ofMillis(2), Duration.ofMillis(40), 2.0, Duration.ofMinutes(2)));
    }

    @Test
    void blockingWriterStaysWithinItsBoundAndDeliversEveryRecordOnce() {
        RecordWriter writer = client.newRecordWriter(settings(BufferFullPolicy.BLOCK));
        Outstanding outstanding = new Outstanding();
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        for (int id = 0; id < RECORDS; id++) {
            CompletableFuture<WriteResult> future = writer.write("iot", "readings", Records.reading(id));
            futures.add(outstanding.track(future));
            assertThat(writer.bufferedRecords()).isLessThanOrEqualTo(BOUND);
        }
        writer.close();

        assertThat(outstanding.max()).isLessThanOrEqualTo(BOUND);
        assertThat(outstanding.sawBufferFull).as("the producer was held back while the server throttled").isTrue();
        assertEveryRecordStoredOnce(futures);
    }

    @Test
    void failFastWriterRefusesRecordsAtItsBoundAndDeliversEveryRecordOnce() {
        RecordWriter writer = client.newRecordWriter(settings(BufferFullPolicy.FAIL_FAST));
        Outstanding outstanding = new Outstanding();
        List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
        int refusals = 0;
        for (int id = 0; id < RECORDS; id++) {
            while (true) {
                try {
                    futures.add(outstanding.track(writer.write("iot", "readings", Records.reading(id))));
                    break;
                } catch (RecordBufferFullException full) {
                    assertThat(writer.bufferedRecords()).isEqualTo(BOUND);
                    refusals++;
                    await().atMost(1, TimeUnit.MINUTES).until(() -> writer.bufferedRecords() < BOUND);
                }
            }
        }
        writer.close();

        assertThat(refusals).as("writes refused while the server throttled").isPositive();
        assertThat(outstanding.max()).isLessThanOrEqualTo(BOUND);
        assertEveryRecordStoredOnce(futures);
    }

    @Test
    void concurrentProducersShareTheBoundAndEveryRecordIsStoredOnce() throws InterruptedException {
        RecordWriter writer = client.newRecordWriter(settings(BufferFullPolicy.BLOCK));
        List<CompletableFuture<WriteResult>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int producer = 0; producer < 4; producer++) {
            int first = producer * (RECORDS / 4);
            producers.add(Thread.ofPlatform().start(() -> {
                for (int id = first; id < first + RECORDS / 4; id++) {
                    futures.add(writer.write("iot", "readings", Records.reading(id)));
                    assertThat(writer.bufferedRecords()).isLessThanOrEqualTo(BOUND);
                }
            }));
        }
        for (Thread producer : producers) {
            producer.join(TimeUnit.MINUTES.toMillis(2));
        }
        writer.close();

        assertEveryRecordStoredOnce(futures);
    }

    private void assertEveryRecordStoredOnce(List<CompletableFuture<WriteResult>> futures) {
        assertThat(futures).hasSize(RECORDS).allSatisfy(future -> assertThat(future).isCompleted());
        List<WriteResult> results = futures.stream().map(CompletableFuture::join).toList();
        assertThat(results).anySatisfy(result -> assertThat(result.attempts()).isGreaterThan(1));
        assertThat(server.storedById()).hasSize(RECORDS);
        assertThat(server.storedById().values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(server.maxConcurrentCalls()).isLessThanOrEqualTo(IN_FLIGHT);
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.getRecordsCount()).isBetween(1, 50));
    }

    /** Counts records taken by the writer whose futures have not completed yet. */
    private static final class Outstanding {
        private final AtomicInteger taken = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private int max;
        boolean sawBufferFull;

        CompletableFuture<WriteResult> track(CompletableFuture<WriteResult> future) {
            int now = taken.incrementAndGet() - finished.get();
            max = Math.max(max, now);
            sawBufferFull |= now == BOUND;
            future.whenComplete((result, failure) -> finished.incrementAndGet());
            return future;
        }

        int max() {
            return max;
        }
    }
}
