package io.strata.chaos.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRecorderTest {
    private final AtomicLong clock = new AtomicLong();
    private final HistoryRecorder recorder = new HistoryRecorder(clock::incrementAndGet);

    @Test
    void pairsInvocationsWithCompletionsAndLeavesUnfinishedOperationsUnknown() {
        RecordVersion a = new RecordVersion("cpu", 1, "a", 1);
        long write = recorder.invokeWrite(0, a);
        long read = recorder.invokeRead(1, "cpu");
        recorder.ok(write);
        recorder.okRead(read, List.of(a));
        long pending = recorder.invokeUpsert(0, new RecordVersion("cpu", 1, "b", 2));

        List<Operation> operations = recorder.snapshot().operations();

        assertThat(operations).extracting(Operation::id).containsExactly(write, read, pending);
        assertThat(operations.get(0).outcome()).isEqualTo(Phase.OK);
        assertThat(operations.get(0).invokedNanos()).isEqualTo(1);
        assertThat(operations.get(0).completedNanos()).isEqualTo(3);
        assertThat(operations.get(1).observed()).containsExactly(a);
        assertThat(operations.get(2).outcome()).isEqualTo(Phase.INFO);
        assertThat(operations.get(2).completedNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void completingAnOperationTwiceIsRefused() {
        long id = recorder.invokeRead(0, "cpu");
        recorder.fail(id, "ThrottlingException");

        assertThatThrownBy(() -> recorder.info(id, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void historyRejectsAProcessRunningTwoOperationsAtOnce() {
        HistoryEvent first = new HistoryEvent(0, 0, 7, OperationType.READ, Phase.INVOKE, "cpu", null, null, null, 1);
        HistoryEvent second = new HistoryEvent(1, 1, 7, OperationType.READ, Phase.INVOKE, "cpu", null, null, null, 2);

        assertThatThrownBy(() -> History.of(List.of(first, second)))
                .hasMessageContaining("process 7");
    }

    @Test
    void concurrentClientsProduceAWellFormedHistoryInTimestampOrder() throws Exception {
        int threads = 8;
        int perThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int process = 0; process < threads; process++) {
            int p = process;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    long id = recorder.invokeWrite(p, new RecordVersion("s" + p, i, "v" + i, 1));
                    recorder.ok(id);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        History history = recorder.snapshot();

        assertThat(history.operations()).hasSize(threads * perThread).allMatch(Operation::acknowledged);
        assertThat(history.events()).extracting(HistoryEvent::nanos).isSorted();
        assertThat(history.events()).extracting(HistoryEvent::index)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 2L * threads * perThread).boxed().toList());
    }

    @Test
    void jsonLinesFileReplaysTheSameHistory(@TempDir Path directory) {
        RecordVersion a = new RecordVersion("cpu|host=a", 1_700_000_000_000L, "a", 3);
        long write = recorder.invokeUpsert(0, a);
        recorder.info(write, "timeout after 5s");
        long read = recorder.invokeRead(1, "cpu|host=a");
        recorder.okRead(read, List.of(a));
        recorder.invokeRead(2, "cpu|host=b");
        History history = recorder.snapshot();
        Path file = directory.resolve("history.jsonl");

        HistoryFile.write(history, file);
        History replayed = HistoryFile.read(file);

        assertThat(replayed.events()).isEqualTo(history.events());
        assertThat(replayed.operations()).isEqualTo(history.operations());
    }
}
