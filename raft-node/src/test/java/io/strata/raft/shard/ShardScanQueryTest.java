package io.strata.raft.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.raft.GroupId;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard's read-only query: a scan request in, the same batches a local scan gives out. */
class ShardScanQueryTest {
    private static final String TABLE_ID = "table-1";
    private static final long INGEST_NANOS = 1_700_000_000_000_000_000L;
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn("zone", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.MEASURE_NAME, ColumnType.VARCHAR, ColumnRole.MEASURE_NAME),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE),
            new TableColumn("measure_value::bigint", ColumnType.BIGINT, ColumnRole.MEASURE_VALUE),
            new TableColumn("measure_value::boolean", ColumnType.BOOLEAN, ColumnRole.MEASURE_VALUE));

    @TempDir
    Path directory;

    @Test
    void theAnswerHoldsTheBatchesOfALocalScanNullsIncluded() throws Exception {
        try (ShardStoreReplica replica = open()) {
            replica.apply(1, write());
            ScanRequest everything = new ScanRequest(TABLE_ID, COLUMNS, 0, Long.MAX_VALUE, Map.of(), Set.of(), 4);
            List<ColumnBatch> local = drain(replica.scan(everything));
            assertThat(local).hasSizeGreaterThan(1);

            List<ColumnBatch> answered = ShardScanQuery.batches(replica.query(ShardScanQuery.request(everything)));

            assertThat(answered).isEqualTo(local);
            assertThat(answered.stream().mapToInt(ColumnBatch::rowCount).sum()).isEqualTo(9);
        }
    }

    @Test
    void predicatesTravelWithTheRequest() throws Exception {
        ScanRequest filtered = new ScanRequest(TABLE_ID, COLUMNS, INGEST_NANOS - 1, INGEST_NANOS,
                Map.of("host", Set.of("host-1", "host-2")), Set.of("load"), 100);
        assertThat(ShardScanQuery.decode(ShardScanQuery.request(filtered))).isEqualTo(filtered);
        try (ShardStoreReplica replica = open()) {
            replica.apply(1, write());
            List<ColumnBatch> answered = ShardScanQuery.batches(replica.query(ShardScanQuery.request(filtered)));
            assertThat(answered).isEqualTo(drain(replica.scan(filtered)));
            assertThat(answered.stream().mapToInt(ColumnBatch::rowCount).sum()).isEqualTo(2);
        }
    }

    @Test
    void anUnreadableRequestIsRefusedWithAValidationError() throws Exception {
        try (ShardStoreReplica replica = open()) {
            assertThatThrownBy(() -> replica.query(new byte[] {0, 0, 0, 9})).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("format 9");
            assertThatThrownBy(() -> replica.query(new byte[] {0, 0})).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Unreadable");
        }
    }

    private ShardStoreReplica open() throws Exception {
        return (ShardStoreReplica) new ShardStoreReplicas(ShardStoreSettings.defaults())
                .open(GroupId.named("query-test"), directory.resolve("replica"));
    }

    /** Three hosts, each with a double "cpu", a bigint "load" and a boolean "up"; zone only on host-0. */
    private static byte[] write() {
        WriteBatch.Builder batch = WriteBatch.newBuilder()
                .setDatabaseName("database").setTableName("table").setTableId(TABLE_ID)
                .setIngestTimeNanos(INGEST_NANOS)
                .setSettings(TableWriteSettings.newBuilder()
                        .setMemoryStoreRetentionHours(24).setMagneticStoreRetentionDays(7));
        int index = 0;
        for (int host = 0; host < 3; host++) {
            List<StoredDimension> dimensions = new ArrayList<>();
            dimensions.add(StoredDimension.newBuilder().setName("host").setValue("host-" + host).build());
            if (host == 0) {
                dimensions.add(StoredDimension.newBuilder().setName("zone").setValue("a").build());
            }
            for (TypedValue value : List.of(TypedValue.newBuilder().setDoubleValue(host + 0.5).build(),
                    TypedValue.newBuilder().setBigintValue(host).build(),
                    TypedValue.newBuilder().setBooleanValue(host % 2 == 0).build())) {
                String measure = switch (value.getValueCase()) {
                    case DOUBLE_VALUE -> "cpu";
                    case BIGINT_VALUE -> "load";
                    default -> "up";
                };
                batch.addRecords(StoredRecord.newBuilder().addAllDimensions(dimensions).setMeasureName(measure)
                        .setTimeNanos(INGEST_NANOS).setVersion(1).setValue(value).setRequestIndex(index++));
            }
        }
        return ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray();
    }

    private static List<ColumnBatch> drain(ShardScan scan) {
        List<ColumnBatch> batches = new ArrayList<>();
        scan.forEachRemaining(batches::add);
        return batches;
    }
}
