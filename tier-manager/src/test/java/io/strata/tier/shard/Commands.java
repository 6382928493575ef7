package io.strata.tier.shard;

import io.strata.internal.v1.MultiMeasure;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.tier.memory.TableReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds shard commands for tests. */
final class Commands {
    static final TableReference TABLE = new TableReference("devops", "cpu", "table-1");
    static final long HOUR = 3_600_000_000_000L;
    static final long DAY = 24 * HOUR;
    /** An ingest time well inside Timestream's range. */
    static final long INGEST = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli() * 1_000_000L;

    private Commands() {
    }

    static TableWriteSettings settings(long memoryHours, long magneticDays, boolean magneticWrites) {
        return TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(memoryHours)
                .setMagneticStoreRetentionDays(magneticDays).setEnableMagneticStoreWrites(magneticWrites).build();
    }

    static ShardCommand write(long ingestTime, TableWriteSettings settings, StoredRecord... records) {
        WriteBatch.Builder batch = WriteBatch.newBuilder().setDatabaseName(TABLE.databaseName())
                .setTableName(TABLE.tableName()).setTableId(TABLE.tableId()).setIngestTimeNanos(ingestTime)
                .setSettings(settings);
        for (int i = 0; i < records.length; i++) {
            batch.addRecords(records[i].toBuilder().setRequestIndex(i));
        }
        return ShardCommand.newBuilder().setWriteBatch(batch).build();
    }

    static ShardCommand write(StoredRecord... records) {
        return write(INGEST, settings(24, 365, false), records);
    }

    static StoredRecord.Builder record(String host, String measure, long time, long version) {
        Map<String, String> dimensions = new TreeMap<>();
        dimensions.put("host", host);
        dimensions.put("region", host.hashCode() % 2 == 0 ? "eu-west-1" : "us-east-1");
        StoredRecord.Builder record = StoredRecord.newBuilder().setMeasureName(measure).setTimeNanos(time)
                .setVersion(version);
        dimensions.forEach((name, value) -> record.addDimensions(StoredDimension.newBuilder().setName(name).setValue(value)));
        return record;
    }

    static StoredRecord doubleRecord(String host, long time, long version, double value) {
        return record(host, "cpu_user", time, version).setValue(TypedValue.newBuilder().setDoubleValue(value)).build();
    }

    static StoredRecord multiRecord(String host, long time, long version, Map<String, TypedValue> values) {
        MultiMeasure.Builder multi = MultiMeasure.newBuilder();
        values.forEach((name, value) -> multi.addValues(NamedValue.newBuilder().setName(name).setValue(value)));
        return record(host, "metrics", time, version).setMulti(multi).build();
    }

    static TypedValue doubleValue(double value) {
        return TypedValue.newBuilder().setDoubleValue(value).build();
    }

    static TypedValue bigintValue(long value) {
        return TypedValue.newBuilder().setBigintValue(value).build();
    }

    static TypedValue varcharValue(String value) {
        return TypedValue.newBuilder().setVarcharValue(value).build();
    }

    static PartitionId partition(long timeSlot, int bucket) {
        return PartitionId.newBuilder().setDatabaseName(TABLE.databaseName()).setTableName(TABLE.tableName())
                .setTableId(TABLE.tableId()).setTimeSlot(timeSlot).setKeyBucket(bucket).build();
    }

    static ShardCommand seal(long timeSlot, int bucket, long upTo) {
        return ShardCommand.newBuilder()
                .setSeal(Seal.newBuilder().setPartition(partition(timeSlot, bucket)).setUpToNanos(upTo)).build();
    }

    static List<StoredRecord> records(ShardCommand command) {
        return command.getWriteBatch().getRecordsList();
    }
}
