package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.settings;
import static io.strata.tier.shard.Commands.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.error.ThrottlingException;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.tier.memory.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where apply sends a record: memory, magnetic or rejected, decided from the ingest time in the
 * command (2026-03-01T12:00Z here, whatever the machine's clock says); and the memory limit.
 */
class IngestionWindowApplyTest {
    private static final long FIFTEEN_MINUTES = HOUR / 4;
    private static final String MEMORY_REASON = "The record timestamp is outside the time range "
            + "[2026-02-28T12:00:00.000Z, 2026-03-01T12:15:00.000Z) of the memory store.";
    private static final String MAGNETIC_REASON = "The record timestamp is outside the time range "
            + "[2026-02-22T12:00:00.000Z, 2026-03-01T12:15:00.000Z) of the magnetic store.";

    @TempDir
    Path directory;

    private static RecordOutcome single(ShardStore store, long index, boolean magneticWrites, long time) {
        WriteBatchResult result = store.apply(index, write(INGEST, settings(24, 7, magneticWrites),
                doubleRecord("a", time, 1, 1.0)));
        return result.getOutcomes(0);
    }

    @Test
    void memoryWindowEdgesWithMagneticWritesOff() {
        RecordingMagneticTier magnetic = new RecordingMagneticTier();
        try (ShardStore store = ShardStores.open(ShardStores.configuration(directory, magnetic))) {
            assertThat(single(store, 1, false, INGEST - DAY).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
            assertThat(single(store, 2, false, INGEST + FIFTEEN_MINUTES).getStoredIn())
                    .isEqualTo(StoreTier.STORE_TIER_MEMORY);
            assertThat(single(store, 3, false, INGEST - DAY - 1).getRejected().getReason()).isEqualTo(MEMORY_REASON);
            assertThat(single(store, 4, false, INGEST + FIFTEEN_MINUTES + 1).getRejected().getReason())
                    .isEqualTo(MEMORY_REASON);
            assertThat(single(store, 5, false, INGEST - 3 * DAY).getRejected().hasExistingVersion()).isFalse();
            assertThat(magnetic.lateRecords).isEmpty();
            assertThat(store.memoryUsage().rows()).isEqualTo(2);
        }
    }

    @Test
    void magneticWindowEdgesWithMagneticWritesOn() {
        RecordingMagneticTier magnetic = new RecordingMagneticTier();
        try (ShardStore store = ShardStores.open(ShardStores.configuration(directory, magnetic))) {
            assertThat(single(store, 1, true, INGEST - DAY).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
            assertThat(single(store, 2, true, INGEST - DAY - 1).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MAGNETIC);
            assertThat(single(store, 3, true, INGEST - 7 * DAY).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MAGNETIC);
            assertThat(single(store, 4, true, INGEST - 7 * DAY - 1).getRejected().getReason()).isEqualTo(MAGNETIC_REASON);
            assertThat(single(store, 5, true, INGEST + FIFTEEN_MINUTES + 1).getRejected().getReason())
                    .isEqualTo(MEMORY_REASON);

            assertThat(magnetic.lateRecords).extracting(StoredRecord::getTimeNanos)
                    .containsExactly(INGEST - DAY - 1, INGEST - 7 * DAY);
            assertThat(magnetic.appliedIndex()).isEqualTo(3);
            assertThat(store.memoryUsage().rows()).isEqualTo(1);
        }
    }

    @Test
    void withoutAMagneticTierLateRecordsAreRejectedAsIfMagneticWritesWereOff() {
        try (ShardStore store = ShardStores.open(directory)) {
            assertThat(single(store, 1, true, INGEST - DAY - 1).getRejected().getReason()).isEqualTo(MEMORY_REASON);
        }
    }

    @Test
    void theWindowFollowsTheCommandNotTheClock() {
        long ingestInThePast = INGEST - 300 * DAY;
        try (ShardStore store = ShardStores.open(directory)) {
            WriteBatchResult result = store.apply(1, write(ingestInThePast, settings(24, 7, false),
                    doubleRecord("a", ingestInThePast - HOUR, 1, 1.0), doubleRecord("b", INGEST, 1, 1.0)));
            assertThat(result.getOutcomes(0).getStoredIn()).isEqualTo(StoreTier.STORE_TIER_MEMORY);
            assertThat(result.getOutcomes(1).getRejected().getReason()).contains("of the memory store.");
        }
    }

    @Test
    void aFullMemoryStoreRefusesWholeBatchesAndKeepsWorking() {
        ShardConfiguration configuration = ShardStores.configuration(directory, null).withMemoryLimitBytes(64 * 1024);
        try (ShardStore store = ShardStores.open(configuration)) {
            long index = 0;
            long time = INGEST - 20 * HOUR;
            ThrottlingException refusal = null;
            while (refusal == null) {
                List<StoredRecord> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(doubleRecord("host-" + (i % 5), time++, 1, i));
                }
                MemoryUsage before = store.memoryUsage();
                List<String> rowsBefore = ScanRows.all(store);
                try {
                    store.apply(++index, write(batch.toArray(StoredRecord[]::new)));
                } catch (ThrottlingException e) {
                    refusal = e;
                    assertThat(store.memoryUsage()).isEqualTo(before);
                    assertThat(ScanRows.all(store)).isEqualTo(rowsBefore);
                }
                assertThat(index).isLessThan(1000);
            }
            assertThat(refusal.getMessage()).contains("memory store of this shard is full").contains("65536");
            assertThat(store.memoryUsage().bytes()).isLessThanOrEqualTo(64 * 1024);
            assertThat(store.lastAppliedIndex()).isEqualTo(index);
            // Once the rows are gone (expired here), writes are accepted again.
            long slot = Math.floorDiv(INGEST - 20 * HOUR, DAY);
            for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
                store.apply(++index, io.strata.internal.v1.ShardCommand.newBuilder().setExpire(
                        io.strata.internal.v1.Expire.newBuilder().setPartition(Commands.partition(slot, bucket))
                                .setBeforeNanos(INGEST)).build());
            }
            assertThat(store.memoryUsage()).isEqualTo(new MemoryUsage(0, 0, 0));
            assertThat(store.apply(++index, write(doubleRecord("x", INGEST, 1, 1))).getOutcomes(0).getStoredIn())
                    .isEqualTo(StoreTier.STORE_TIER_MEMORY);
        }
    }
}
