package io.strata.server.node;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of the cluster tests' cpu table ({@link Requests#cpuRecords}) from one replica through a scan. */
final class ReplicaRows {
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn("region", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.MEASURE_NAME, ColumnType.VARCHAR, ColumnRole.MEASURE_NAME),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE));

    /** One stored cpu row as a query would see it. */
    record Row(String host, String region, String measureName, long timeNanos, double value) {}

    private ReplicaRows() {}

    /** The scan of every row of table {@code tableId}. */
    static ScanRequest request(String tableId) {
        return ScanRequest.all(tableId, COLUMNS);
    }

    /** Every row of table {@code tableId} the replica holds, in the scan's order (series, then time). */
    static List<Row> of(ShardStoreReplica replica, String tableId) {
        List<ColumnBatch> batches = new ArrayList<>();
        ShardScan scan = replica.scan(request(tableId));
        scan.forEachRemaining(batches::add);
        return of(batches);
    }

    /** The rows of batches answered to {@link #request}. */
    static List<Row> of(List<ColumnBatch> batches) {
        List<Row> rows = new ArrayList<>();
        for (ColumnBatch batch : batches) {
            VarcharVector hosts = (VarcharVector) batch.column("host");
            VarcharVector regions = (VarcharVector) batch.column("region");
            VarcharVector measureNames = (VarcharVector) batch.column(TableColumn.MEASURE_NAME);
            LongVector times = (LongVector) batch.column(TableColumn.TIME);
            DoubleVector values = (DoubleVector) batch.column("measure_value::double");
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(new Row(hosts.get(row), regions.get(row), measureNames.get(row), times.get(row),
                        values.get(row)));
            }
        }
        return rows;
    }
}
