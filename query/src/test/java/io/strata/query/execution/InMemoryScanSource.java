package io.strata.query.execution;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.catalog.QueryTable;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.operator.ScanSource;
import io.strata.query.plan.ScanSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only {@link ScanSource} over rows held in memory (column name to value), pruning by the
 * spec's time range and column values the way storage would, in batches of a fixed size.
 */
final class InMemoryScanSource implements ScanSource {
    private final QueryTable table;
    private final List<Map<String, Object>> rows;
    private final int batchSize;
    final AtomicLong rowsReturned = new AtomicLong();

    InMemoryScanSource(QueryTable table, List<Map<String, Object>> rows, int batchSize) {
        this.table = table;
        this.rows = List.copyOf(rows);
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<ColumnBatch> scan(ScanSpec spec) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (matches(spec, row)) {
                matching.add(row);
            }
        }
        rowsReturned.addAndGet(matching.size());
        List<ColumnBatch> batches = new ArrayList<>();
        for (int start = 0; start < matching.size(); start += batchSize) {
            List<Map<String, Object>> slice = matching.subList(start, Math.min(matching.size(), start + batchSize));
            ColumnBatch.Builder builder = ColumnBatch.builder(slice.size());
            for (String column : spec.columns()) {
                VectorBuilder vector = new VectorBuilder(table.typeOf(table.indexOf(column)), slice.size());
                for (Map<String, Object> row : slice) {
                    vector.appendObject(row.get(column));
                }
                ColumnVector built = vector.build();
                builder.add(column, built);
            }
            batches.add(builder.build());
        }
        return batches.iterator();
    }

    private static boolean matches(ScanSpec spec, Map<String, Object> row) {
        if (!spec.timeRange().contains((Long) row.get("time"))) {
            return false;
        }
        for (Map.Entry<String, Set<String>> entry : spec.columnValues().entrySet()) {
            Object value = row.get(entry.getKey());
            if (value == null || !entry.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
