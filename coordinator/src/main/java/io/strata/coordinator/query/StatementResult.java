package io.strata.coordinator.query;

import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.ColumnInfoList;
import io.strata.api.v1.Datum;
import io.strata.api.v1.DatumList;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TimeSeriesDataPoint;
import io.strata.api.v1.TimeSeriesDataPointList;
import io.strata.api.v1.Type;
import io.strata.query.execution.QueryResult;
import io.strata.query.execution.ResultColumn;
import io.strata.query.expression.SqlType;
import io.strata.query.function.time.IntervalText;
import io.strata.query.function.time.TimeText;
import io.strata.query.function.time.TimestampText;
import io.strata.query.function.timeseries.TimeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished statement's result in the public API's shape: its {@link ColumnInfo}s and its rows,
 * scalars as Timestream's text forms, arrays, time series and rows as their nested Datums. Immutable; pages are slices of {@link #rows()}.
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
            columns.add(column(column.columnInfo()));
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

    /** The public API's form of the engine's column description, composites included. */
    static ColumnInfo column(io.strata.query.execution.ColumnInfo info) {
        ColumnInfo.Builder column = ColumnInfo.newBuilder();
        info.name().ifPresent(column::setName);
        Type.Builder type = Type.newBuilder();
        switch (info.type()) {
            case io.strata.query.execution.ColumnInfo.Type.Scalar scalar ->
                    type.setScalarType(ScalarType.valueOf("SCALAR_TYPE_" + scalar.scalarType()));
            case io.strata.query.execution.ColumnInfo.Type.Array array -> type.setArrayColumnInfo(column(array.element()));
            case io.strata.query.execution.ColumnInfo.Type.TimeSeries series ->
                    type.setTimeSeriesMeasureValueColumnInfo(column(series.measureValue()));
            case io.strata.query.execution.ColumnInfo.Type.Row row -> {
                ColumnInfoList.Builder fields = ColumnInfoList.newBuilder();
                row.fields().forEach(field -> fields.addColumnInfo(column(field)));
                type.setRowColumnInfo(fields);
            }
        }
        return column.setType(type).build();
    }

    static ColumnInfo column(String name, ScalarType type) {
        return ColumnInfo.newBuilder().setName(name).setType(Type.newBuilder().setScalarType(type)).build();
    }

    static Datum scalar(String text) {
        return text == null ? Datum.newBuilder().setNullValue(true).build() : Datum.newBuilder().setScalarValue(text).build();
    }

    private static Datum datum(SqlType type, Object value) {
        if (value == null) {
            return scalar(null);
        }
        return switch (type.kind()) {
            case ARRAY -> {
                DatumList.Builder elements = DatumList.newBuilder();
                for (Object element : (List<?>) value) {
                    elements.addData(datum(type.elementType(), element));
                }
                yield Datum.newBuilder().setArrayValue(elements).build();
            }
            case TIMESERIES -> {
                TimeSeries series = (TimeSeries) value;
                TimeSeriesDataPointList.Builder points = TimeSeriesDataPointList.newBuilder();
                for (int index = 0; index < series.size(); index++) {
                    points.addDataPoints(TimeSeriesDataPoint.newBuilder()
                            .setTime(TimestampText.format(series.time(index)))
                            .setValue(datum(type.elementType(), series.value(index))));
                }
                yield Datum.newBuilder().setTimeSeriesValue(points).build();
            }
            case ROW -> {
                List<?> fields = (List<?>) value;
                Row.Builder row = Row.newBuilder();
                for (int index = 0; index < fields.size(); index++) {
                    row.addData(datum(type.parameters().get(index), fields.get(index)));
                }
                yield Datum.newBuilder().setRowValue(row).build();
            }
            case TIMESTAMP -> scalar(TimestampText.format((Long) value));
            case DATE -> scalar(LocalDate.ofEpochDay((Long) value).toString());
            case TIME -> scalar(TimeText.format((Long) value));
            case INTERVAL_DAY_TO_SECOND -> scalar(IntervalText.formatDayToSecond((Long) value));
            case INTERVAL_YEAR_TO_MONTH -> scalar(IntervalText.formatYearToMonth((Long) value));
            case BIGINT, INTEGER, DOUBLE, VARCHAR, BOOLEAN, UNKNOWN -> scalar(value.toString());
            case FUNCTION -> throw new IllegalArgumentException("a lambda is not a result value");
        };
    }
}
