package io.strata.coordinator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ServiceUnavailableException;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.Rejection;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.placement.GroupId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The batcher between the write coordinator and a group's Raft client. The sender here is the
 * seam where {@code GroupClient::submit} plugs in: each sent entry is held until the test answers
 * it, as a Raft commit would, so the tests can see what is acknowledged when. The shard's answer is
 * computed from the entry itself (one outcome per record, in entry order, as the shard does).
 */
class GroupWriteBatcherTest {
    private static final GroupId GROUP = new GroupId(0);
    private static final WriteBatch HEADER = WriteBatch.newBuilder()
            .setDatabaseName("metrics").setTableName("cpu").setTableId("t-1")
            .setSettings(TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(6).setMagneticStoreRetentionDays(30))
            .build();

    /** Entries sent and not yet answered, in send order. */
    private final ConcurrentLinkedQueue<SentEntry> sent = new ConcurrentLinkedQueue<>();
    private final Function<byte[], CompletableFuture<byte[]>> sender = command -> {
        SentEntry entry = new SentEntry(parse(command), new CompletableFuture<>());
        sent.add(entry);
        return entry.reply();
    };

    @Test
    void writesThatArriveWhileAnEntryIsInFlightShareTheNextEntryAndEachGetsItsOwnOutcomes() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(1_000, 1 << 20, 1));
        CompletableFuture<RecordOutcomes> first = batcher.write(sender, GROUP, HEADER, 100, records("a", 0, 2));
        CompletableFuture<RecordOutcomes> second = batcher.write(sender, GROUP, HEADER, 300, records("b", 0, 3));
        CompletableFuture<RecordOutcomes> third = batcher.write(sender, GROUP, HEADER, 200, records("c", 0, 2));
        assertThat(sent).hasSize(1);

        answer(sent.poll(), "never");
        assertThat(first).isCompleted();
        SentEntry shared = sent.poll();
        assertThat(shared.batch().getRecordsCount()).isEqualTo(5);
        assertThat(shared.batch().getIngestTimeNanos()).as("the latest acceptance").isEqualTo(300);
        assertThat(shared.batch().getDatabaseName()).isEqualTo("metrics");
        assertThat(shared.batch().getSettings()).isEqualTo(HEADER.getSettings());

        // The shard rejects the record "b1" (index 1 of the second write) only.
        answer(shared, "b1");
        assertThat(outcomes(second.join())).containsExactly("0:stored", "1:rejected b1", "2:stored");
        assertThat(outcomes(third.join())).containsExactly("0:stored", "1:stored");
        assertThat(outcomes(first.join())).containsExactly("0:stored", "1:stored");
        assertThat(batcher.lanes()).as("an idle lane is dropped").isZero();
    }

    @Test
    void nothingIsAcknowledgedBeforeItsEntryIsCommitted() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(1_000, 1 << 20, 2));
        CompletableFuture<RecordOutcomes> first = batcher.write(sender, GROUP, HEADER, 1, records("a", 0, 1));
        CompletableFuture<RecordOutcomes> second = batcher.write(sender, GROUP, HEADER, 1, records("b", 0, 1));
        CompletableFuture<RecordOutcomes> third = batcher.write(sender, GROUP, HEADER, 1, records("c", 0, 1));
        assertThat(sent).as("two entries in flight, the third write waits").hasSize(2);
        assertThat(List.of(first, second, third)).noneMatch(CompletableFuture::isDone);

        SentEntry firstEntry = sent.poll();
        SentEntry secondEntry = sent.poll();
        answer(secondEntry, "never");
        assertThat(second).isCompleted();
        assertThat(first).as("its entry is not committed yet").isNotDone();
        assertThat(third).isNotDone();
        answer(firstEntry, "never");
        assertThat(first).isCompleted();
        answer(sent.poll(), "never");
        assertThat(third).isCompleted();
    }

    @Test
    void aFailedEntryFailsEveryWriteInItAndNoOther() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(1_000, 1 << 20, 1));
        CompletableFuture<RecordOutcomes> alone = batcher.write(sender, GROUP, HEADER, 1, records("a", 0, 1));
        CompletableFuture<RecordOutcomes> second = batcher.write(sender, GROUP, HEADER, 1, records("b", 0, 1));
        CompletableFuture<RecordOutcomes> third = batcher.write(sender, GROUP, HEADER, 1, records("c", 0, 1));
        answer(sent.poll(), "never");
        ServiceUnavailableException noQuorum = new ServiceUnavailableException("no leader with a quorum");
        sent.poll().reply().completeExceptionally(noQuorum);

        assertThat(alone).isCompleted();
        for (CompletableFuture<RecordOutcomes> failed : List.of(second, third)) {
            assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).hasCause(noQuorum);
        }
        // The lane keeps working after a failure.
        CompletableFuture<RecordOutcomes> retry = batcher.write(sender, GROUP, HEADER, 1, records("b", 0, 1));
        answer(sent.poll(), "never");
        assertThat(outcomes(retry.join())).containsExactly("0:stored");
    }

    @Test
    void anEntryStaysWithinItsRecordBoundButALargerWriteTravelsAloneAndWhole() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(4, 1 << 20, 1));
        batcher.write(sender, GROUP, HEADER, 1, records("a", 0, 1));
        CompletableFuture<RecordOutcomes> big = batcher.write(sender, GROUP, HEADER, 1, records("big", 0, 6));
        batcher.write(sender, GROUP, HEADER, 1, records("c", 0, 2));
        batcher.write(sender, GROUP, HEADER, 1, records("d", 0, 2));
        batcher.write(sender, GROUP, HEADER, 1, records("e", 0, 1));

        List<Integer> entrySizes = new ArrayList<>();
        while (!sent.isEmpty()) {
            SentEntry entry = sent.poll();
            entrySizes.add(entry.batch().getRecordsCount());
            answer(entry, "never");
        }
        assertThat(entrySizes).containsExactly(1, 6, 4, 1);
        assertThat(big.join().count()).isEqualTo(6);
    }

    @Test
    void differentTablesAndGroupsNeverShareAnEntry() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(1_000, 1 << 20, 1));
        WriteBatch otherTable = HEADER.toBuilder().setTableName("memory").setTableId("t-2").build();
        batcher.write(sender, GROUP, HEADER, 1, records("a", 0, 1));
        batcher.write(sender, GROUP, otherTable, 1, records("b", 0, 1));
        batcher.write(sender, new GroupId(1), HEADER, 1, records("c", 0, 1));
        assertThat(sent).as("each lane has its own slot").hasSize(3);
        assertThat(sent).extracting(entry -> entry.batch().getTableName()).containsExactly("cpu", "memory", "cpu");
    }

    @Test
    void aShardAnswerThatDoesNotMatchTheEntryFailsItsWrites() {
        GroupWriteBatcher batcher = new GroupWriteBatcher(new WriteBatchingSettings(1_000, 1 << 20, 1));
        CompletableFuture<RecordOutcomes> write = batcher.write(sender, GROUP, HEADER, 1, records("a", 0, 2));
        sent.poll().reply().complete(WriteBatchResult.newBuilder()
                .addOutcomes(RecordOutcome.newBuilder().setRequestIndex(0).setStoredIn(StoreTier.STORE_TIER_MEMORY))
                .build().toByteArray());
        assertThatThrownBy(write::join).hasMessageContaining("1 outcomes for a write entry of 2 records");
    }

    private record SentEntry(WriteBatch batch, CompletableFuture<byte[]> reply) {}

    /** Records named {@code <prefix><index>} by their measure name, with request indexes from {@code first}. */
    private static EncodedRecords records(String prefix, int first, int count) {
        EncodedRecords.Builder builder = new EncodedRecords.Builder();
        for (int i = first; i < first + count; i++) {
            builder.add(StoredRecord.newBuilder().setMeasureName(prefix + i).setTimeNanos(i).setVersion(1)
                    .setRequestIndex(i).build());
        }
        return builder.build();
    }

    private static WriteBatch parse(byte[] command) {
        try {
            ShardCommand parsed = ShardCommand.parseFrom(command);
            assertThat(parsed.getCommandCase()).isEqualTo(ShardCommand.CommandCase.WRITE_BATCH);
            return parsed.getWriteBatch();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("the batcher sent an unreadable command", e);
        }
    }

    /** Commits the entry: every record stored but the one whose measure name is {@code rejected}. */
    private static void answer(SentEntry entry, String rejected) {
        WriteBatchResult.Builder result = WriteBatchResult.newBuilder();
        for (StoredRecord record : entry.batch().getRecordsList()) {
            RecordOutcome.Builder outcome = result.addOutcomesBuilder().setRequestIndex(record.getRequestIndex());
            if (record.getMeasureName().equals(rejected)) {
                outcome.setRejected(Rejection.newBuilder().setReason("rejected " + rejected));
            } else {
                outcome.setStoredIn(StoreTier.STORE_TIER_MEMORY);
            }
        }
        entry.reply().complete(result.build().toByteArray());
    }

    private static List<String> outcomes(RecordOutcomes outcomes) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < outcomes.count(); i++) {
            RecordOutcome outcome = outcomes.get(i);
            described.add(outcome.getRequestIndex() + ":" + (outcome.hasRejected()
                    ? outcome.getRejected().getReason() : "stored"));
        }
        return described;
    }
}
