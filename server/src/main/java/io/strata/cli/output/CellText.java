package io.strata.cli.output;

import io.strata.client.query.ColumnType;
import io.strata.client.query.Row;
import io.strata.client.query.TimeSeriesPoint;
import io.strata.client.query.Value;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text of one result value: scalars in Timestream's text form ({@code 2019-12-04
 * 19:00:00.000000000}, {@code 1.5}), arrays as {@code [a, b]}, rows as {@code {name=value, ...}},
 * time series as {@code [{time=..., value=...}, ...]}; {@code null} for a NULL value (nested NULLs
 * show as {@code NULL}).
 */
public final class CellText {
    private CellText() {}

    /** The text of column {@code index} of {@code row}, or {@code null} when it is NULL. */
    public static String of(Row row, int index) {
        return of(row.getValue(index));
    }

    /** The text of {@code value}, or {@code null} when it is NULL. */
    public static String of(Value value) {
        if (value.isNull()) {
            return null;
        }
        return switch (value.type()) {
            case ColumnType.Scalar ignored -> value.getText();
            case ColumnType.ArrayOf ignored -> {
                StringJoiner text = new StringJoiner(", ", "[", "]");
                for (Value element : value.getArray()) {
                    text.add(nested(element));
                }
                yield text.toString();
            }
            case ColumnType.RowOf ignored -> ofRow(value.getRow());
            case ColumnType.TimeSeriesOf ignored -> {
                StringJoiner text = new StringJoiner(", ", "[", "]");
                List<TimeSeriesPoint> points = value.getTimeSeries();
                for (TimeSeriesPoint point : points) {
                    text.add("{time=" + Timestamps.text(point.time()) + ", value=" + nested(point.value()) + "}");
                }
                yield text.toString();
            }
        };
    }

    /** Whether values of {@code type} are numbers, which read best right-aligned. */
    public static boolean isNumeric(ColumnType type) {
        return type instanceof ColumnType.Scalar scalar && switch (scalar.scalarType()) {
            case SCALAR_TYPE_BIGINT, SCALAR_TYPE_INTEGER, SCALAR_TYPE_DOUBLE -> true;
            default -> false;
        };
    }

    private static String ofRow(Row row) {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (int field = 0; field < row.size(); field++) {
            String name = row.columns().get(field).name();
            String value = nested(row.getValue(field));
            text.add(name.isEmpty() ? value : name + "=" + value);
        }
        return text.toString();
    }

    private static String nested(Value value) {
        String text = of(value);
        return text == null ? TextTable.NULL_TEXT : text;
    }
}
