package io.strata.query.execution;

import io.strata.query.expression.SqlType;
import io.strata.query.function.time.TimestampText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A query's result: columns, and rows of values in their Java form (Long for BIGINT and for
 * TIMESTAMP nanoseconds, Double, Boolean, String, null for NULL).
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** A value's text form, composites included ({@link ResultText}); null for NULL. */
    public String text(int row, int column) {
        return ResultText.format(columns.get(column).type(), rows.get(row).get(column));
    }

    /** A value as Timestream's {@code ScalarValue} text ({@code 2019-12-04 19:00:00.000000000}), or null. */
    public String scalarText(int row, int column) {
        Object value = rows.get(row).get(column);
        if (value == null) {
            return null;
        }
        SqlType type = columns.get(column).type();
        return type == SqlType.TIMESTAMP ? TimestampText.format((Long) value) : Objects.toString(value);
    }
}
