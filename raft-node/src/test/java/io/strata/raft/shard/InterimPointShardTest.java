package io.strata.raft.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timestream's duplicate/version rules and the ingestion window as the interim shard applies them. */
class InterimPointShardTest {
    private static final long INGEST = TimeUnit.DAYS.toNanos(20_000);
    private long index;

    @TempDir
    Path snapshot;

    @Test
    void sameValueIsIdempotentHigherVersionReplacesOtherwiseRejectedWithExistingVersion() throws Exception {
        InterimPointShard shard = new InterimPointShard();
        assertThat(apply(shard, record(1.0, 1)).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
        assertThat(apply(shard, record(1.0, 1)).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);

        RecordOutcome sameVersion = apply(shard, record(2.0, 1));
        assertThat(sameVersion.getRejected().getReason()).startsWith("A record already exists with the same time");
        assertThat(sameVersion.getRejected().getExistingVersion()).isEqualTo(1);

        assertThat(apply(shard, record(2.0, 3)).hasStoredIn()).isTrue();
        RecordOutcome lower = apply(shard, record(5.0, 2));
        assertThat(lower.getRejected().getReason())
                .isEqualTo("The record version 2 is lower than the existing version 3. A higher version is required "
                        + "to update the measure value.");
        assertThat(lower.getRejected().getExistingVersion()).isEqualTo(3);
        assertThat(shard.points()).singleElement().satisfies(point -> {
            assertThat(point.record().getValue().getDoubleValue()).isEqualTo(2.0);
            assertThat(point.record().getVersion()).isEqualTo(3);
        });

        shard.snapshot(index, snapshot);
        InterimPointShard restored = new InterimPointShard();
        restored.installSnapshot(snapshot);
        assertThat(restored.points()).isEqualTo(shard.points());
    }

    @Test
    void recordsOutsideTheMemoryWindowAreRejectedWithTheWindow() {
        InterimPointShard shard = new InterimPointShard();
        StoredRecord old = record(1.0, 1).toBuilder().setTimeNanos(INGEST - TimeUnit.HOURS.toNanos(7)).build();
        assertThat(apply(shard, old).getRejected().getReason())
                .startsWith("The record timestamp is outside the time range [").endsWith(") of the memory store.");
        assertThat(shard.points()).isEmpty();
    }

    private RecordOutcome apply(InterimPointShard shard, StoredRecord record) {
        WriteBatch batch = WriteBatch.newBuilder().setDatabaseName("db1").setTableName("table1").setTableId("id-1")
                .setIngestTimeNanos(INGEST)
                .setSettings(TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(6)
                        .setMagneticStoreRetentionDays(73000))
                .addRecords(record).build();
        byte[] result = shard.apply(++index, ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray());
        try {
            return WriteBatchResult.parseFrom(result).getOutcomes(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static StoredRecord record(double value, long version) {
        return StoredRecord.newBuilder()
                .addDimensions(StoredDimension.newBuilder().setName("host").setValue("h1"))
                .setMeasureName("cpu").setTimeNanos(INGEST - 1_000).setVersion(version)
                .setValue(TypedValue.newBuilder().setDoubleValue(value)).build();
    }
}
