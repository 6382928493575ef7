package io.strata.tier.shard;

import io.strata.core.error.ValidationException;
import io.strata.core.time.IngestionDecision;
import io.strata.core.time.IngestionWindow;
import io.strata.core.time.StoreTarget;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.Rejection;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.tier.memory.DuplicateReasons;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.TableReference;
import io.strata.tier.memory.UpsertOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.ToIntFunction;

/**
 * Applies one {@link WriteBatch}: every record goes through the ingestion window computed from the
 * ingest time and table settings carried in the command (never a clock), then into the memory
 * store under the duplicate/version rules, to the magnetic tier as a late write, or is rejected
 * with Timestream's reason. All or nothing with respect to the memory limit: the batch's worst case
 * is reserved before any record is written. Runs on the apply thread.
 */
final class WriteBatchApplier {
    static final String NO_MEASURE_REASON = "The record has no measure value.";

    private final MemoryStore memory;
    private final PartitionLayout layout;
    private final Optional<MagneticTier> magnetic;

    WriteBatchApplier(MemoryStore memory, PartitionLayout layout, Optional<MagneticTier> magnetic) {
        this.memory = memory;
        this.layout = layout;
        this.magnetic = magnetic;
    }

    WriteBatchResult apply(long raftIndex, WriteBatch batch, Lock writeLock) {
        TableReference table = new TableReference(batch.getDatabaseName(), batch.getTableName(), batch.getTableId());
        IngestionWindow window = windowOf(batch.getSettings(), magnetic.isPresent());
        long ingestTime = batch.getIngestTimeNanos();
        int count = batch.getRecordsCount();
        IngestionDecision[] decisions = new IngestionDecision[count];
        long worstCase = 0;
        List<StoredRecord> late = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StoredRecord record = batch.getRecords(i);
            decisions[i] = hasMeasure(record)
                    ? window.classify(record.getTimeNanos(), ingestTime)
                    : IngestionDecision.rejected(NO_MEASURE_REASON);
            if (decisions[i].target() == StoreTarget.MEMORY) {
                worstCase += MemoryStore.worstCaseBytes(record);
            } else if (decisions[i].target() == StoreTarget.MAGNETIC) {
                late.add(record);
            }
        }
        memory.reserve(worstCase);
        ToIntFunction<io.strata.core.model.SeriesKey> keyBucket = series -> layout.keyBucket(table, series);
        WriteBatchResult.Builder result = WriteBatchResult.newBuilder();
        writeLock.lock();
        try {
            for (int i = 0; i < count; i++) {
                StoredRecord record = batch.getRecords(i);
                RecordOutcome.Builder outcome = result.addOutcomesBuilder().setRequestIndex(record.getRequestIndex());
                switch (decisions[i].target()) {
                    case MEMORY -> storeInMemory(table, record, keyBucket, outcome);
                    case MAGNETIC -> outcome.setStoredIn(StoreTier.STORE_TIER_MAGNETIC);
                    case REJECTED -> outcome.setRejected(Rejection.newBuilder().setReason(decisions[i].reason()));
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (!late.isEmpty()) {
            MagneticTier tier = magnetic.orElseThrow();
            if (raftIndex > tier.appliedIndex()) {
                tier.writeLate(raftIndex, table, ingestTime, batch.getSettings(), late);
            }
        }
        return result.build();
    }

    private void storeInMemory(TableReference table, StoredRecord record,
            ToIntFunction<io.strata.core.model.SeriesKey> keyBucket, RecordOutcome.Builder outcome) {
        UpsertOutcome upsert = memory.upsert(table, record, keyBucket);
        switch (upsert) {
            case INSERTED, IDENTICAL, VERSION_RAISED, REPLACED -> outcome.setStoredIn(StoreTier.STORE_TIER_MEMORY);
            case SAME_VERSION_CONFLICT -> outcome.setRejected(Rejection.newBuilder()
                    .setReason(DuplicateReasons.SAME_VERSION).setExistingVersion(memory.lastConflictVersion()));
            case LOWER_VERSION_CONFLICT -> outcome.setRejected(Rejection.newBuilder()
                    .setReason(DuplicateReasons.lowerVersion(record.getVersion(), memory.lastConflictVersion()))
                    .setExistingVersion(memory.lastConflictVersion()));
            case TYPE_CONFLICT -> outcome.setRejected(Rejection.newBuilder().setReason(memory.lastTypeConflictReason()));
        }
    }

    /**
     * The window from the settings in the command. Without a magnetic tier late records are
     * refused exactly as on a table with magnetic writes disabled.
     */
    private static IngestionWindow windowOf(TableWriteSettings settings, boolean magneticTierPresent) {
        long hours = settings.getMemoryStoreRetentionHours();
        long days = settings.getMagneticStoreRetentionDays();
        if (hours < 1 || hours > 8766 || days < 1 || days > 73000) {
            throw new ValidationException("The write batch carries invalid table settings: memory retention " + hours
                    + " hours (1..8766), magnetic retention " + days + " days (1..73000).");
        }
        return new IngestionWindow(Duration.ofHours(hours), Duration.ofDays(days),
                settings.getEnableMagneticStoreWrites() && magneticTierPresent);
    }

    private static boolean hasMeasure(StoredRecord record) {
        if (record.hasValue()) {
            return record.getValue().getValueCase() != TypedValue.ValueCase.VALUE_NOT_SET;
        }
        if (!record.hasMulti() || record.getMulti().getValuesCount() == 0) {
            return false;
        }
        for (int i = 0; i < record.getMulti().getValuesCount(); i++) {
            if (record.getMulti().getValues(i).getValue().getValueCase() == TypedValue.ValueCase.VALUE_NOT_SET) {
                return false;
            }
        }
        return true;
    }
}
