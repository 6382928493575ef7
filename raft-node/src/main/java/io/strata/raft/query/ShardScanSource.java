package io.strata.raft.query;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.query.catalog.TableName;
import io.strata.query.operator.ScanSource;
import io.strata.query.plan.ScanSpec;
import io.strata.raft.shard.ShardStoreReplica;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The engine's {@link ScanSource} over one replica's {@link io.strata.tier.shard.ShardStore}: a
 * {@link ScanSpec} becomes a {@link ScanRequest} (the table's incarnation id, the projected columns
 * with the roles and types of the table's inferred schema, the time range, dimension values and
 * measure names), and the store's batches come back with the column names the engine asked for.
 * Bytes the store reads are added to {@code bytesScanned} as batches are taken.
 *
 * <p>Threading: as {@link ScanSource}; the byte counter may be read from another thread.
 */
public final class ShardScanSource implements ScanSource {
    private final ShardStoreReplica replica;
    private final Function<TableName, ShardTable> tables;
    private final AtomicLong bytesScanned;
    private final int batchRows;

    /**
     * @param tables the table as this node's catalog sees it; throws a
     *     {@link io.strata.core.error.StrataException} when it does not know it
     */
    public ShardScanSource(ShardStoreReplica replica, Function<TableName, ShardTable> tables, AtomicLong bytesScanned,
                           int batchRows) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.bytesScanned = Objects.requireNonNull(bytesScanned, "bytesScanned");
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<ColumnBatch> scan(ScanSpec spec) {
        ShardTable table = tables.apply(spec.table());
        Map<String, TableColumn> schema = new HashMap<>();
        for (TableColumn column : table.schema().columns()) {
            schema.put(column.name(), column);
        }
        List<TableColumn> columns = new ArrayList<>(spec.columns().size());
        for (String name : spec.columns()) {
            TableColumn column = schema.get(name);
            if (column == null) {
                // The coordinator planned with a schema this node's catalog view has not caught up with.
                throw new ServiceUnavailableException("The schema of " + spec.table() + " on this node does not have "
                        + "column '" + name + "' yet; retry the query.");
            }
            columns.add(column);
        }
        Map<String, Set<String>> dimensionValues = new HashMap<>();
        Set<String> measureNames = Set.of();
        for (Map.Entry<String, Set<String>> restriction : spec.columnValues().entrySet()) {
            if (restriction.getValue().isEmpty()) {
                return Collections.emptyIterator(); // no value can pass
            }
            TableColumn column = schema.get(restriction.getKey());
            if (column == null) {
                continue; // a restriction storage cannot apply; the engine filters again
            }
            if (column.role() == ColumnRole.MEASURE_NAME) {
                measureNames = restriction.getValue();
            } else if (column.role() == ColumnRole.DIMENSION) {
                dimensionValues.put(column.name(), restriction.getValue());
            }
        }
        if (spec.timeRange().isEmpty()) {
            return Collections.emptyIterator();
        }
        ShardScan scan = replica.scan(new ScanRequest(table.tableId(), columns, spec.timeRange().lowest(),
                spec.timeRange().highest(), dimensionValues, measureNames, batchRows));
        return new MeteredScan(scan, bytesScanned);
    }

    /** Adds the store's byte count to the shared counter as batches are taken. */
    private static final class MeteredScan implements Iterator<ColumnBatch> {
        private final ShardScan scan;
        private final AtomicLong bytesScanned;
        private long reported;

        MeteredScan(ShardScan scan, AtomicLong bytesScanned) {
            this.scan = scan;
            this.bytesScanned = bytesScanned;
        }

        @Override
        public boolean hasNext() {
            boolean more = scan.hasNext();
            report();
            return more;
        }

        @Override
        public ColumnBatch next() {
            ColumnBatch batch = scan.next();
            report();
            return batch;
        }

        private void report() {
            long now = scan.bytesScanned();
            bytesScanned.addAndGet(now - reported);
            reported = now;
        }
    }
}
