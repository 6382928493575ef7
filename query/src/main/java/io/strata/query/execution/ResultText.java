package io.strata.query.execution;

import io.strata.query.expression.SqlType;
import io.strata.query.function.time.TimeText;
import io.strata.query.function.time.TimestampText;
import io.strata.query.function.timeseries.TimeSeries;
import java.time.LocalDate;
import java.util.List;

/**
 * The text form of a result value, as Timestream's {@code Datum} carries it: scalars as their
 * {@code ScalarValue} text ({@code 2019-12-04 19:00:00.000000000} for a timestamp), an array as
 * {@code [a, b]}, a time series as {@code [{time=..., value=...}, ...]}, a row as
 * {@code {name=value, ...}} (positional {@code (a, b)} when its fields are unnamed), NULL as
 * {@code NULL} inside a composite. Static and thread-safe.
 */
public final class ResultText {
    private ResultText() {}

    /** The text of {@code value} of {@code type}; null for a NULL value. */
    public static String format(SqlType type, Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        append(out, type, value);
        return out.toString();
    }

    private static void append(StringBuilder out, SqlType type, Object value) {
        if (value == null) {
            out.append("NULL");
            return;
        }
        switch (type.kind()) {
            case TIMESTAMP -> out.append(TimestampText.format((Long) value));
            case TIME -> out.append(TimeText.format((Long) value));
            case DATE -> out.append(LocalDate.ofEpochDay((Long) value));
            case ARRAY -> {
                out.append('[');
                List<?> elements = (List<?>) value;
                for (int index = 0; index < elements.size(); index++) {
                    out.append(index == 0 ? "" : ", ");
                    append(out, type.elementType(), elements.get(index));
                }
                out.append(']');
            }
            case TIMESERIES -> {
                TimeSeries series = (TimeSeries) value;
                out.append('[');
                for (int index = 0; index < series.size(); index++) {
                    out.append(index == 0 ? "{time=" : ", {time=").append(TimestampText.format(series.time(index)))
                            .append(", value=");
                    append(out, type.elementType(), series.value(index));
                    out.append('}');
                }
                out.append(']');
            }
            case ROW -> {
                List<?> fields = (List<?>) value;
                boolean named = type.fieldNames().stream().noneMatch(String::isEmpty);
                out.append(named ? '{' : '(');
                for (int index = 0; index < fields.size(); index++) {
                    out.append(index == 0 ? "" : ", ");
                    if (named) {
                        out.append(type.fieldNames().get(index)).append('=');
                    }
                    append(out, type.parameters().get(index), fields.get(index));
                }
                out.append(named ? '}' : ')');
            }
            default -> out.append(value);
        }
    }
}
