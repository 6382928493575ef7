package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.multiRecord;
import static io.strata.tier.shard.Commands.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.TypedValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan predicates, projection, time range, batching and bytes scanned over the memory store. */
class ScanTest {
    private static final long SECOND = 1_000_000_000L;
    private static final TableColumn HOST = new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION);
    private static final TableColumn TIME = new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME);
    private static final TableColumn DOUBLE_VALUE = new TableColumn(
            TableColumn.measureValueColumnName(MeasureValueType.DOUBLE), ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE);
    private static final TableColumn MEASURE = new TableColumn(TableColumn.MEASURE_NAME, ColumnType.VARCHAR,
            ColumnRole.MEASURE_NAME);
    private static final TableColumn COUNT = new TableColumn("count", ColumnType.BIGINT,
            ColumnRole.MULTI_MEASURE_ATTRIBUTE);

    @TempDir
    Path directory;
    private ShardStore store;

    @BeforeEach
    void fill() {
        store = ShardStores.open(directory);
        long index = 0;
        // Written newest first, to exercise out-of-order inserts.
        for (int second = 9; second >= 0; second--) {
            long time = INGEST - 100 * SECOND + second * SECOND;
            store.apply(++index, write(doubleRecord("a", time, 1, second), doubleRecord("b", time, 1, 10 + second),
                    doubleRecord("c", time, 1, 20 + second),
                    multiRecord("a", time, 1, Map.of("count", TypedValue.newBuilder().setBigintValue(second).build()))));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> scan(List<TableColumn> columns, long from, long to, Map<String, Set<String>> dimensions,
            Set<String> measures, int batchRows) {
        return ScanRows.collect(store.scan(new ScanRequest(Commands.TABLE.tableId(), columns, from, to, dimensions,
                measures, batchRows)));
    }

    @Test
    void dimensionEqualityAndInAndMeasureNamePredicates() {
        long from = INGEST - 100 * SECOND;
        long to = INGEST;
        assertThat(scan(List.of(HOST, DOUBLE_VALUE), from, to, Map.of("host", Set.of("b")), Set.of("cpu_user"), 100))
                .hasSize(10).allMatch(line -> line.startsWith("host=b|"));
        assertThat(scan(List.of(HOST), from, to, Map.of("host", Set.of("a", "c")), Set.of("cpu_user"), 100))
                .hasSize(20).containsOnly("host=a", "host=c");
        assertThat(scan(List.of(HOST, MEASURE), from, to, Map.of("host", Set.of("a")), Set.of(), 100))
                .hasSize(20).containsOnly("host=a|measure_name=cpu_user", "host=a|measure_name=metrics");
        assertThat(scan(List.of(HOST), from, to, Map.of("host", Set.of("zzz")), Set.of(), 100)).isEmpty();
        assertThat(scan(List.of(HOST), from, to, Map.of("rack", Set.of("1")), Set.of(), 100)).isEmpty();
        assertThat(scan(List.of(HOST), from, to, Map.of(), Set.of("nothing"), 100)).isEmpty();
    }

    @Test
    void timeRangeIsInclusiveAndRowsComeInTimeOrderPerSeries() {
        long from = INGEST - 100 * SECOND + 2 * SECOND;
        long to = INGEST - 100 * SECOND + 4 * SECOND;
        List<String> rows = scan(List.of(TIME, DOUBLE_VALUE), from, to, Map.of("host", Set.of("a")), Set.of("cpu_user"), 100);
        assertThat(rows).containsExactly(
                "time=" + from + "|measure_value::double=2.0",
                "time=" + (from + SECOND) + "|measure_value::double=3.0",
                "time=" + to + "|measure_value::double=4.0");
    }

    @Test
    void projectionReadsAbsentColumnsAsNullWithTheirTypes() {
        List<ColumnBatch> batches = new ArrayList<>();
        ShardScan scan = store.scan(new ScanRequest(Commands.TABLE.tableId(), List.of(MEASURE, DOUBLE_VALUE, COUNT),
                0, Long.MAX_VALUE, Map.of("host", Set.of("a")), Set.of(), 1000));
        scan.forEachRemaining(batches::add);
        assertThat(batches).hasSize(1);
        ColumnBatch batch = batches.getFirst();
        assertThat(batch.names()).containsExactly("measure_name", "measure_value::double", "count");
        assertThat(batch.column("count")).isInstanceOf(LongVector.class);
        assertThat(batch.column("measure_value::double")).isInstanceOf(DoubleVector.class);
        // Series in key order: cpu_user before metrics.
        for (int row = 0; row < 10; row++) {
            assertThat(batch.column("count").isNull(row)).isTrue();
            assertThat(((DoubleVector) batch.column("measure_value::double")).get(row)).isEqualTo(row);
        }
        for (int row = 10; row < 20; row++) {
            assertThat(batch.column("measure_value::double").isNull(row)).isTrue();
            assertThat(((LongVector) batch.column("count")).get(row)).isEqualTo(row - 10);
        }
    }

    @Test
    void batchesHoldAtMostTheRequestedRowsAndSplitSeriesAnywhere() {
        List<Integer> sizes = new ArrayList<>();
        ShardScan scan = store.scan(new ScanRequest(Commands.TABLE.tableId(), List.of(HOST, MEASURE, TIME), 0, Long.MAX_VALUE,
                Map.of(), Set.of(), 7));
        List<String> rows = new ArrayList<>();
        while (scan.hasNext()) {
            ColumnBatch batch = scan.next();
            sizes.add(batch.rowCount());
            rows.addAll(ScanRows.lines(batch));
        }
        assertThat(sizes).containsExactly(7, 7, 7, 7, 7, 5);
        assertThat(rows).doesNotHaveDuplicates().hasSize(40)
                .isEqualTo(scan(List.of(HOST, MEASURE, TIME), 0, Long.MAX_VALUE, Map.of(), Set.of(), 1000));
    }

    @Test
    void bytesScannedCountsTheProjectedColumnsOfTheRowsRead() {
        ShardScan narrow = store.scan(new ScanRequest(Commands.TABLE.tableId(), List.of(TIME), 0, Long.MAX_VALUE,
                Map.of("host", Set.of("b")), Set.of(), 100));
        ScanRows.collect(narrow);
        // 10 rows × 8 bytes of time.
        assertThat(narrow.bytesScanned()).isEqualTo(80);

        ShardScan wide = store.scan(new ScanRequest(Commands.TABLE.tableId(), List.of(HOST, TIME, DOUBLE_VALUE), 0,
                Long.MAX_VALUE, Map.of("host", Set.of("b")), Set.of(), 100));
        ScanRows.collect(wide);
        // + 1 byte of "b" + 8 bytes of double per row.
        assertThat(wide.bytesScanned()).isEqualTo(10 * (8 + 1 + 8));
    }
}
