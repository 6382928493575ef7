package io.strata.query.execution;

import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column's description in Timestream's {@code ColumnInfo} shape: an optional name (absent for an
 * array's element) and a type that is a {@code ScalarType} name, an {@code ArrayColumnInfo}, a
 * {@code TimeSeriesMeasureValueColumnInfo} or a {@code RowColumnInfo}. Immutable.
 */
public record ColumnInfo(Optional<String> name, Type type) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The type half of a {@link ColumnInfo}. */
    public sealed interface Type {
        /** A {@code ScalarType}: VARCHAR, BOOLEAN, BIGINT, DOUBLE, TIMESTAMP, DATE, ..., UNKNOWN. */
        record Scalar(String scalarType) implements Type {}

        /** {@code ArrayColumnInfo}: the element's column info (no name). */
        record Array(ColumnInfo element) implements Type {}

        /** {@code TimeSeriesMeasureValueColumnInfo}: the measure value's column info (no name). */
        record TimeSeries(ColumnInfo measureValue) implements Type {}

        /** {@code RowColumnInfo}: one column info per field. */
        record Row(List<ColumnInfo> fields) implements Type {
            public Row {
                fields = List.copyOf(fields);
            }
        }
    }

    /** The column info of a value of {@code type} called {@code name} (null: unnamed). */
    public static ColumnInfo of(String name, SqlType type) {
        return new ColumnInfo(Optional.ofNullable(name), typeOf(type));
    }

    private static Type typeOf(SqlType type) {
        return switch (type.kind()) {
            case ARRAY -> new Type.Array(of(null, type.elementType()));
            case TIMESERIES -> new Type.TimeSeries(of(null, type.elementType()));
            case ROW -> {
                List<ColumnInfo> fields = new ArrayList<>();
                for (int index = 0; index < type.parameters().size(); index++) {
                    String field = type.fieldNames().get(index);
                    fields.add(of(field.isEmpty() ? null : field, type.parameters().get(index)));
                }
                yield new Type.Row(fields);
            }
            case FUNCTION -> throw new IllegalArgumentException("a lambda is not a result column");
            default -> new Type.Scalar(type.timestreamName());
        };
    }
}
