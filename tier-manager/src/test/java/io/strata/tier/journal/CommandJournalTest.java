package io.strata.tier.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.InternalServerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandJournalTest {
    private static final Instant START = Instant.parse("2026-05-23T10:00:00Z");

    @TempDir
    Path directory;

    private final Random random = new Random(42);
    private final MutableClock clock = new MutableClock(START);

    @Test
    void entriesReplayInOrderAfterReopeningInANewInstance() {
        List<JournalEntry> appended = new ArrayList<>();
        try (CommandJournal journal = open()) {
            assertThat(journal.lastIndex()).isEqualTo(-1);
            assertThat(journal.lastPosition()).isEmpty();
            long index = 0;
            for (int i = 0; i < 2000; i++) {
                index += 1 + random.nextInt(3); // Raft indexes with gaps: not every log entry is a command
                byte[] command = randomBytes(i % 100 == 0 ? 5000 : random.nextInt(300));
                assertThat(journal.append(index, command)).isTrue();
                appended.add(JournalEntry.of(index, command));
            }
            assertThat(replayAll(journal)).containsExactlyElementsOf(appended);
        }

        try (CommandJournal reopened = open()) {
            assertThat(reopened.lastIndex()).isEqualTo(appended.getLast().raftIndex());
            assertThat(replayAll(reopened)).containsExactlyElementsOf(appended);
            assertThat(replayAll(reopened)).as("replay is repeatable").containsExactlyElementsOf(appended);
        }
    }

    @Test
    void replayFromAnIndexStartsThereOrAtTheNextOneInAGap() {
        try (CommandJournal journal = open()) {
            for (long index : new long[] {3, 4, 7, 8, 20}) {
                journal.append(index, new byte[] {(byte) index});
            }

            assertThat(indexesReplayedFrom(journal, 7)).containsExactly(7L, 8L, 20L);
            assertThat(indexesReplayedFrom(journal, 5)).containsExactly(7L, 8L, 20L);
            assertThat(indexesReplayedFrom(journal, 0)).containsExactly(3L, 4L, 7L, 8L, 20L);
            assertThat(indexesReplayedFrom(journal, 21)).isEmpty();
        }
    }

    @Test
    void replayFromASnapshotPositionDeliversThatEntryAndTheRest() {
        try (CommandJournal journal = open()) {
            JournalPosition snapshot = null;
            for (long index = 1; index <= 100; index++) {
                journal.append(index, ("c" + index).getBytes());
                if (index == 60) {
                    snapshot = journal.lastPosition().orElseThrow();
                }
            }
            assertThat(snapshot.raftIndex()).isEqualTo(60);

            List<JournalEntry> replayed = new ArrayList<>();
            long count = journal.replayFrom(snapshot, (index, command) -> replayed.add(JournalEntry.copyOf(index, command)));

            assertThat(count).isEqualTo(41);
            assertThat(replayed).extracting(JournalEntry::raftIndex).containsExactlyElementsOf(range(60, 100));
            assertThat(replayed.getFirst()).isEqualTo(JournalEntry.of(60, "c60".getBytes()));
            JournalPosition foreign = new JournalPosition(61, snapshot.queueIndex());
            assertThatThrownBy(() -> journal.replayFrom(foreign, (index, command) -> { }))
                    .isInstanceOf(InternalServerException.class)
                    .hasMessageContaining("does not hold");
        }
    }

    @Test
    void appendAtOrBelowTheLastIndexIsIgnoredAlsoAfterRestart() {
        try (CommandJournal journal = open()) {
            assertThat(journal.append(5, "five".getBytes())).isTrue();
            assertThat(journal.append(5, "five again".getBytes())).isFalse();
            assertThat(journal.append(3, "three".getBytes())).isFalse();
            assertThat(journal.lastIndex()).isEqualTo(5);
        }
        try (CommandJournal restarted = open()) {
            // Ratis re-applies from the last snapshot: the journal already has these.
            assertThat(restarted.append(4, "four".getBytes())).isFalse();
            assertThat(restarted.append(5, "five".getBytes())).isFalse();
            assertThat(restarted.append(6, "six".getBytes())).isTrue();
            assertThat(replayAll(restarted)).containsExactly(
                    JournalEntry.of(5, "five".getBytes()), JournalEntry.of(6, "six".getBytes()));
        }
    }

    @Test
    void appendOfAByteBufferTakesItsRemainingBytesWithoutMovingIt() {
        try (CommandJournal journal = open()) {
            ByteBuffer direct = ByteBuffer.allocateDirect(16).put("xxabcdef".getBytes()).flip();
            direct.position(2);
            ByteBuffer heap = ByteBuffer.wrap("--ghij--".getBytes(), 2, 4);

            journal.append(1, direct);
            journal.append(2, heap.slice());

            assertThat(direct.position()).isEqualTo(2);
            assertThat(replayAll(journal)).containsExactly(
                    JournalEntry.of(1, "abcdef".getBytes()), JournalEntry.of(2, "ghij".getBytes()));
        }
    }

    @Test
    void commandsOfMegabytesRoundTrip() {
        byte[] large = randomBytes(4 * 1024 * 1024 + 5);
        ByteBuffer largeDirect = ByteBuffer.allocateDirect(3 * 1024 * 1024).put(randomBytes(3 * 1024 * 1024)).flip();
        byte[] largeDirectCopy = new byte[largeDirect.remaining()];
        largeDirect.duplicate().get(largeDirectCopy);
        try (CommandJournal journal = open()) {
            journal.append(1, large);
            journal.append(2, largeDirect);
            journal.append(3, new byte[0]);
        }
        try (CommandJournal reopened = open()) {
            assertThat(replayAll(reopened)).containsExactly(
                    JournalEntry.of(1, large), JournalEntry.of(2, largeDirectCopy), JournalEntry.of(3, new byte[0]));
        }
    }

    @Test
    void droppingCyclesBeforeASnapshotKeepsItsCycleAndEverythingLater() throws IOException {
        JournalPosition snapshot = null;
        try (CommandJournal journal = open()) {
            for (long index = 1; index <= 30; index++) {
                journal.append(index, ("c" + index).getBytes());
                if (index == 15) {
                    snapshot = journal.lastPosition().orElseThrow(); // what a snapshot would record
                }
                if (index % 10 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // TEST_SECONDLY: the next ten go to a new cycle file
                }
            }
            journal.append(31, "c31".getBytes());
            assertThat(cycleFiles()).hasSize(4);

            JournalPosition covered = snapshot;
            assertThat(journal.dropCyclesBefore(covered)).isEqualTo(1);

            assertThat(cycleFiles()).hasSize(3);
            assertThat(indexesReplayedFrom(journal, 0)).containsExactlyElementsOf(range(11, 31));
            assertThat(journal.replayFrom(covered, (index, command) -> { })).isEqualTo(17);
            assertThat(journal.dropCyclesBefore(covered)).as("idempotent").isZero();
            journal.append(32, "c32".getBytes());
        }
        try (CommandJournal reopened = open()) {
            assertThat(reopened.lastIndex()).isEqualTo(32);
            assertThat(indexesReplayedFrom(reopened, 0)).containsExactlyElementsOf(range(11, 32));
            assertThat(reopened.dropCyclesBefore(reopened.lastPosition().orElseThrow())).isEqualTo(2);
            assertThat(indexesReplayedFrom(reopened, 0)).containsExactly(31L, 32L);
        }
    }

    @Test
    void syncKeepsEntriesAndAppendsContinue() {
        try (CommandJournal journal = open()) {
            journal.append(1, "a".getBytes());
            journal.sync();
            journal.append(2, "b".getBytes());
            journal.sync();
            assertThat(indexesReplayedFrom(journal, 0)).containsExactly(1L, 2L);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentReplaysSeeAnInOrderPrefixWhileTheWriterAppends() throws Exception {
        int total = 20_000;
        try (CommandJournal journal = open()) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> reader = executor.submit(() -> {
                    int replays = 0;
                    while (writing.get() || replays < 3) {
                        List<Long> seen = indexesReplayedFrom(journal, 0);
                        assertThat(seen).containsExactlyElementsOf(range(1, seen.size()));
                        replays++;
                    }
                    return replays;
                });
                Future<?> writer = executor.submit(() -> {
                    try {
                        for (long index = 1; index <= total; index++) {
                            journal.append(index, ("c" + index).getBytes());
                        }
                    } finally {
                        writing.set(false);
                    }
                });
                writer.get(2, TimeUnit.MINUTES);
                assertThat(reader.get(2, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(3);
            } finally {
                executor.shutdownNow();
            }
            assertThat(indexesReplayedFrom(journal, 0)).hasSize(total);
        }
    }

    @Test
    void closedJournalRefusesWork() {
        CommandJournal journal = open();
        journal.close();
        journal.close();

        assertThatThrownBy(() -> journal.append(1, new byte[0])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.replayFrom(0, (index, command) -> { })).isInstanceOf(IllegalStateException.class);
    }

    private CommandJournal open() {
        return CommandJournal.open(new JournalConfiguration(directory.resolve("journal"), TestRollCycles.TEST_SECONDLY, clock));
    }

    private static List<JournalEntry> replayAll(CommandJournal journal) {
        List<JournalEntry> entries = new ArrayList<>();
        journal.replayFrom(0, (index, command) -> entries.add(JournalEntry.copyOf(index, command)));
        return entries;
    }

    private static List<Long> indexesReplayedFrom(CommandJournal journal, long from) {
        List<Long> indexes = new ArrayList<>();
        journal.replayFrom(from, (index, command) -> indexes.add(index));
        return indexes;
    }

    private List<Path> cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("journal"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".cq4")).toList();
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> values = new ArrayList<>();
        for (long value = fromInclusive; value <= toInclusive; value++) {
            values.add(value);
        }
        return values;
    }
}
