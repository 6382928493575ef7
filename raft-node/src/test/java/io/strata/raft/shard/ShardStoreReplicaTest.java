package io.strata.raft.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.error.ValidationException;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.raft.GroupId;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard store behind the replicated-shard contract, on real journal files in a temporary directory. */
class ShardStoreReplicaTest {
    private static final String TABLE_ID = "table-1";
    private static final long INGEST_NANOS = 1_700_000_000_000_000_000L;
    private static final GroupId GROUP = GroupId.named("replica-test");
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE));

    @TempDir
    Path directory;

    @Test
    void theLeaderRejectsWhatNoReplicaCouldApply() throws Exception {
        try (ShardStoreReplica replica = open(directory.resolve("a"))) {
            assertThatThrownBy(() -> replica.validate(new byte[] {(byte) 0xff, 0x01}))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("not a ShardCommand");
            assertThatThrownBy(() -> replica.validate(ShardCommand.getDefaultInstance().toByteArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("no command");
            replica.validate(write(0, 3, 1.0));
            assertThat(rows(replica)).as("validation changes nothing").isEmpty();
        }
    }

    @Test
    void applyAnswersTheWriteResultTheCoordinatorDecodes() throws Exception {
        try (ShardStoreReplica replica = open(directory.resolve("a"))) {
            WriteBatchResult first = WriteBatchResult.parseFrom(replica.apply(1, write(0, 3, 1.0)));
            assertThat(first.getOutcomesList()).extracting(RecordOutcome::getStoredIn)
                    .containsOnly(StoreTier.STORE_TIER_MEMORY).hasSize(3);

            // The same points with another value and the same version: rejected with the stored version.
            WriteBatchResult conflict = WriteBatchResult.parseFrom(replica.apply(2, write(0, 3, 2.0)));
            assertThat(conflict.getOutcomesList()).allSatisfy(outcome -> {
                assertThat(outcome.hasRejected()).isTrue();
                assertThat(outcome.getRejected().getExistingVersion()).isEqualTo(1);
            });
            assertThat(conflict.getOutcomesList()).extracting(RecordOutcome::getRequestIndex).containsExactly(0, 1, 2);
            assertThat(rows(replica)).extracting(Row::value).containsOnly(1.0);
        }
    }

    @Test
    void commandsReappliedAfterARestartAreNoOpsWithTheSameAnswer() throws Exception {
        Path data = directory.resolve("a");
        byte[] firstAnswer;
        byte[] secondAnswer;
        List<Row> before;
        try (ShardStoreReplica replica = open(data)) {
            firstAnswer = replica.apply(1, write(0, 3, 1.0));
            secondAnswer = replica.apply(2, write(0, 5, 1.0));
            before = rows(replica);
        }
        // Raft hands the log after the last snapshot (none here) back to the reopened replica.
        try (ShardStoreReplica reopened = open(data)) {
            assertThat(reopened.lastAppliedIndex()).isEqualTo(2);
            assertThat(reopened.apply(1, write(0, 3, 1.0))).isEqualTo(firstAnswer);
            assertThat(reopened.apply(2, write(0, 5, 1.0))).isEqualTo(secondAnswer);
            assertThat(rows(reopened)).isEqualTo(before).hasSize(5);
            // A new command with a conflicting value is still refused: the rows came back from the journal.
            WriteBatchResult conflict = WriteBatchResult.parseFrom(reopened.apply(3, write(4, 1, 9.0)));
            assertThat(conflict.getOutcomes(0).hasRejected()).isTrue();
        }
    }

    @Test
    void aSnapshotAboveTheLastCommandInstallsOnAnotherReplicaThatThenContinues() throws Exception {
        Path snapshot = directory.resolve("ratis-snapshot");
        List<Row> leaderRows;
        try (ShardStoreReplica leader = open(directory.resolve("leader"))) {
            leader.apply(2, write(0, 4, 1.0));
            // Index 3 was a leader's no-op entry: Raft snapshots at its applied index, above the shard's.
            Files.createDirectories(snapshot);
            leader.snapshot(3, snapshot);
            assertThat(leader.lastAppliedIndex()).isEqualTo(3);
            leaderRows = rows(leader);
        }
        try (ShardStoreReplica follower = open(directory.resolve("follower"))) {
            follower.installSnapshot(snapshot);
            assertThat(follower.lastAppliedIndex()).isEqualTo(3);
            assertThat(rows(follower)).isEqualTo(leaderRows);
            WriteBatchResult next = WriteBatchResult.parseFrom(follower.apply(4, write(4, 2, 1.0)));
            assertThat(next.getOutcomesList()).extracting(RecordOutcome::getStoredIn)
                    .containsOnly(StoreTier.STORE_TIER_MEMORY);
            assertThat(rows(follower)).hasSize(6);
        }
        // Restarted on its own files, the follower is where it was: snapshot plus journal.
        try (ShardStoreReplica follower = open(directory.resolve("follower"))) {
            assertThat(follower.lastAppliedIndex()).isEqualTo(4);
            assertThat(rows(follower)).hasSize(6);
        }
    }

    private static ShardStoreReplica open(Path data) throws Exception {
        return (ShardStoreReplica) new ShardStoreReplicas(ShardStoreSettings.defaults()).open(GROUP, data);
    }

    /** Hosts {@code first .. first+count-1}, one double each at the ingest time. */
    private static byte[] write(int first, int count, double value) {
        WriteBatch.Builder batch = WriteBatch.newBuilder()
                .setDatabaseName("database").setTableName("table").setTableId(TABLE_ID)
                .setIngestTimeNanos(INGEST_NANOS)
                .setSettings(TableWriteSettings.newBuilder()
                        .setMemoryStoreRetentionHours(24).setMagneticStoreRetentionDays(7));
        for (int i = 0; i < count; i++) {
            batch.addRecords(StoredRecord.newBuilder()
                    .addDimensions(StoredDimension.newBuilder().setName("host").setValue("host-" + (first + i)))
                    .setMeasureName("cpu").setTimeNanos(INGEST_NANOS).setVersion(1)
                    .setValue(TypedValue.newBuilder().setDoubleValue(value))
                    .setRequestIndex(i));
        }
        return ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray();
    }

    private record Row(String host, long timeNanos, double value) {}

    private static List<Row> rows(ShardStoreReplica replica) {
        List<Row> rows = new ArrayList<>();
        ShardScan scan = replica.scan(ScanRequest.all(TABLE_ID, COLUMNS));
        while (scan.hasNext()) {
            ColumnBatch batch = scan.next();
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(new Row(((VarcharVector) batch.column("host")).get(row),
                        ((LongVector) batch.column(TableColumn.TIME)).get(row),
                        ((DoubleVector) batch.column("measure_value::double")).get(row)));
            }
        }
        return rows;
    }
}
