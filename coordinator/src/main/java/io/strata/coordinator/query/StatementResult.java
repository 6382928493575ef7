package io.strata.coordinator.query;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.Datum;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Type;
import io.strata.query.execution.QueryResult;
import io.strata.query.execution.ResultColumn;
import io.strata.query.expression.SqlType;
import io.strata.query.function.time.IntervalText;
import io.strata.query.function.time.TimestampText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished statement's result in the public API's shape: its {@link ColumnInfo}s and its rows,
 * every value as Timestream's text form. Immutable; pages are slices of {@link #rows()}.
 *
 * @param metered whether the statement read table data (SELECT), which Timestream meters
 */
record StatementResult(List<ColumnInfo> columns, List<Row> rows, boolean metered) {
    StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static StatementResult of(QueryResult result) {
        List<ColumnInfo> columns = new ArrayList<>(result.columns().size());
        for (ResultColumn column : result.columns()) {
            columns.add(column(column.name(), scalarType(column.type())));
        }
        List<Row> rows = new ArrayList<>(result.rows().size());
        for (List<Object> values : result.rows()) {
            Row.Builder row = Row.newBuilder();
            for (int index = 0; index < values.size(); index++) {
                row.addData(datum(result.columns().get(index).type(), values.get(index)));
            }
            rows.add(row.build());
        }
        return new StatementResult(columns, rows, true);
    }

    static ColumnInfo column(String name, ScalarType type) {
        return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder().setScalarType(type)).build();
    }

    static ScalarType scalarType(SqlType type) {
        return ScalarType.valueOf("SCALAR_TYPE_" + type.timestreamName());
    }

    static Datum scalar(String text) {
        return text == null ? Datum.newBuilder().setNullValue(true).build() : Datum.newBuilder().setScalarValue(text).build();
    }

    private static Datum datum(SqlType type, Object value) {
        if (value == null) {
            return scalar(null);
        }
        return scalar(switch (type.kind()) {
            case TIMESTAMP -> TimestampText.format((Long) value);
            case DATE -> LocalDate.ofEpochDay((Long) value).toString();
            case INTERVAL_DAY_TO_SECOND -> IntervalText.formatDayToSecond((Long) value);
            case INTERVAL_YEAR_TO_MONTH -> IntervalText.formatYearToMonth((Long) value);
            // Composite values (arrays, time series, rows) have no Datum shape here yet: their text form.
            default -> value.toString();
        });
    }
}
