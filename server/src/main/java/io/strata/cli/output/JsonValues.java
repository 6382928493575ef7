package io.strata.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.client.query.ColumnType;
import io.strata.client.query.Row;
import io.strata.client.query.TimeSeriesPoint;
import io.strata.client.query.Value;
import java.math.BigDecimal;

/**
 * Result values as JSON: BIGINT and INTEGER as integers, finite DOUBLEs as numbers (NaN and
 * infinities, which JSON lacks, as their text), BOOLEAN as booleans, other scalars as Timestream's
 * text, arrays as arrays, rows as objects, time series as arrays of {@code {"time", "value"}};
 * NULL as {@code null}.
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** A result row as an object keyed by column name. */
    public static ObjectNode ofRow(Row row) {
        ObjectNode object = NODES.objectNode();
        for (int index = 0; index < row.size(); index++) {
            object.set(row.columns().get(index).name(), of(row.getValue(index)));
        }
        return object;
    }

    /** One value. */
    public static JsonNode of(Value value) {
        if (value.isNull()) {
            return NODES.nullNode();
        }
        return switch (value.type()) {
            case ColumnType.Scalar scalar -> switch (scalar.scalarType()) {
                case SCALAR_TYPE_BIGINT, SCALAR_TYPE_INTEGER -> NODES.numberNode(value.getLong());
                case SCALAR_TYPE_DOUBLE -> {
                    double number = value.getDouble();
                    yield Double.isFinite(number) ? NODES.numberNode(new BigDecimal(value.getText())) : NODES.textNode(value.getText());
                }
                case SCALAR_TYPE_BOOLEAN -> NODES.booleanNode(value.getBoolean());
                default -> NODES.textNode(value.getText());
            };
            case ColumnType.ArrayOf ignored -> {
                ArrayNode array = NODES.arrayNode();
                value.getArray().forEach(element -> array.add(of(element)));
                yield array;
            }
            case ColumnType.RowOf ignored -> ofRow(value.getRow());
            case ColumnType.TimeSeriesOf ignored -> {
                ArrayNode points = NODES.arrayNode();
                for (TimeSeriesPoint point : value.getTimeSeries()) {
                    points.addObject().put("time", Timestamps.text(point.time())).set("value", of(point.value()));
                }
                yield points;
            }
        };
    }
}
