package io.strata.tier.shard;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import java.util.ArrayList;
import java.util.List;

/** Turns scan output into one readable line per row, for comparisons in tests. */
final class ScanRows {
    static final List<TableColumn> WIDE = List.of(
            new TableColumn("host", io.strata.core.batch.ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn("region", io.strata.core.batch.ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.MEASURE_NAME, io.strata.core.batch.ColumnType.VARCHAR, ColumnRole.MEASURE_NAME),
            new TableColumn(TableColumn.TIME, io.strata.core.batch.ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn(TableColumn.measureValueColumnName(MeasureValueType.DOUBLE),
                    io.strata.core.batch.ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE),
            new TableColumn("cpu", io.strata.core.batch.ColumnType.DOUBLE, ColumnRole.MULTI_MEASURE_ATTRIBUTE),
            new TableColumn("count", io.strata.core.batch.ColumnType.BIGINT, ColumnRole.MULTI_MEASURE_ATTRIBUTE),
            new TableColumn("status", io.strata.core.batch.ColumnType.VARCHAR, ColumnRole.MULTI_MEASURE_ATTRIBUTE));

    private ScanRows() {
    }

    static List<String> all(ShardStore store) {
        return collect(store.scan(ScanRequest.all(Commands.TABLE.tableId(), WIDE)));
    }

    static List<String> collect(ShardScan scan) {
        List<String> rows = new ArrayList<>();
        while (scan.hasNext()) {
            rows.addAll(lines(scan.next()));
        }
        return rows;
    }

    static List<String> lines(ColumnBatch batch) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < batch.columnCount(); column++) {
                if (column > 0) {
                    line.append('|');
                }
                line.append(batch.names().get(column)).append('=').append(cell(batch.column(column), row));
            }
            rows.add(line.toString());
        }
        return rows;
    }

    private static String cell(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return "null";
        }
        return switch (vector) {
                case io.strata.core.batch.ObjectVector ignored -> throw new IllegalStateException("storage holds no composite columns");
            case LongVector longs -> Long.toString(longs.get(row));
            case DoubleVector doubles -> Double.toString(doubles.get(row));
            case BooleanVector booleans -> Boolean.toString(booleans.get(row));
            case VarcharVector strings -> strings.get(row);
        };
    }
}
