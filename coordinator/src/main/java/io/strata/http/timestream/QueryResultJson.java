package io.strata.http.timestream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.api.v1.ColumnInfo;
import io.strata.api.v1.Datum;
import io.strata.api.v1.QueryStatus;
import io.strata.api.v1.Row;
import io.strata.api.v1.ScalarType;
import io.strata.api.v1.TimeSeriesDataPoint;
import io.strata.api.v1.Type;
import java.util.List;

/**
 * Query results in Timestream's JSON: {@code ColumnInfo}, the {@code Type} union, {@code Row} and
 * the {@code Datum} union, nested as deep as the result type is (arrays of rows of time series
 * ...). Values are already text in Timestream's formats (query_results.proto), so they are
 * copied, never reformatted. Stateless and thread-safe.
 */
final class QueryResultJson {
    static final TimestreamEnum<ScalarType> SCALAR_TYPE = TimestreamEnum.of(ScalarType.getDescriptor(), ScalarType::valueOf);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryResultJson() {
    }

    static ArrayNode columns(List<ColumnInfo> columns) {
        ArrayNode json = JSON.arrayNode(columns.size());
        for (ColumnInfo column : columns) {
            json.add(column(column));
        }
        return json;
    }

    static ObjectNode column(ColumnInfo column) {
        ObjectNode json = JSON.objectNode();
        if (column.hasName()) {
            json.put("Name", column.getName());
        }
        json.set("Type", type(column.getType()));
        return json;
    }

    static ObjectNode type(Type type) {
        ObjectNode json = JSON.objectNode();
        switch (type.getKindCase()) {
            case SCALAR_TYPE -> SCALAR_TYPE.name(type.getScalarType()).ifPresent(name -> json.put("ScalarType", name));
            case ARRAY_COLUMN_INFO -> json.set("ArrayColumnInfo", column(type.getArrayColumnInfo()));
            case TIME_SERIES_MEASURE_VALUE_COLUMN_INFO ->
                    json.set("TimeSeriesMeasureValueColumnInfo", column(type.getTimeSeriesMeasureValueColumnInfo()));
            case ROW_COLUMN_INFO -> json.set("RowColumnInfo", columns(type.getRowColumnInfo().getColumnInfoList()));
            case KIND_NOT_SET -> {
                // An engine bug would show as a column without a type; the SDK still decodes it.
            }
        }
        return json;
    }

    static ArrayNode rows(List<Row> rows) {
        ArrayNode json = JSON.arrayNode(rows.size());
        for (Row row : rows) {
            json.add(row(row));
        }
        return json;
    }

    static ObjectNode row(Row row) {
        ObjectNode json = JSON.objectNode();
        json.set("Data", data(row.getDataList()));
        return json;
    }

    static ObjectNode datum(Datum datum) {
        ObjectNode json = JSON.objectNode();
        switch (datum.getValueCase()) {
            case SCALAR_VALUE -> json.put("ScalarValue", datum.getScalarValue());
            case TIME_SERIES_VALUE -> {
                ArrayNode points = json.putArray("TimeSeriesValue");
                for (TimeSeriesDataPoint point : datum.getTimeSeriesValue().getDataPointsList()) {
                    points.addObject().put("Time", point.getTime()).set("Value", datum(point.getValue()));
                }
            }
            case ARRAY_VALUE -> json.set("ArrayValue", data(datum.getArrayValue().getDataList()));
            case ROW_VALUE -> json.set("RowValue", row(datum.getRowValue()));
            // Timestream marks SQL NULL with NullValue true and no other member.
            case NULL_VALUE, VALUE_NOT_SET -> json.put("NullValue", true);
        }
        return json;
    }

    static ObjectNode queryStatus(QueryStatus status) {
        return JSON.objectNode()
                .put("ProgressPercentage", status.getProgressPercentage())
                .put("CumulativeBytesScanned", status.getCumulativeBytesScanned())
                .put("CumulativeBytesMetered", status.getCumulativeBytesMetered());
    }

    private static ArrayNode data(List<Datum> data) {
        ArrayNode json = JSON.arrayNode(data.size());
        for (Datum datum : data) {
            json.add(datum(datum));
        }
        return json;
    }
}
