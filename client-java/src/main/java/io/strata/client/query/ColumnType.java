package io.strata.client.query;

import io.strata.api.v1.ScalarType;
import io.strata.api.v1.Type;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The type of a result column (Timestream's Type): a scalar, an array of a type, a row of named
 * fields, or a time series of (time, value) points. Immutable.
 */
public sealed interface ColumnType permits ColumnType.Scalar, ColumnType.ArrayOf, ColumnType.RowOf, ColumnType.TimeSeriesOf {

    /** A scalar: VARCHAR, BIGINT, DOUBLE, TIMESTAMP ... */
    record Scalar(ScalarType scalarType) implements ColumnType {
        public Scalar {
            Objects.requireNonNull(scalarType, "scalarType");
        }

        @Override
        public String toString() {
            return scalarName(scalarType);
        }
    }

    /** {@code array(elementType)}. */
    record ArrayOf(ColumnType elementType) implements ColumnType {
        public ArrayOf {
            Objects.requireNonNull(elementType, "elementType");
        }

        @Override
        public String toString() {
            return "array(" + elementType + ")";
        }
    }

    /** {@code row(field type, ...)}: named fields in order. */
    record RowOf(List<Column> fields) implements ColumnType {
        public RowOf {
            fields = List.copyOf(fields);
        }

        @Override
        public String toString() {
            return fields.stream().map(field -> field.name().isEmpty() ? field.type().toString() : field.name() + " " + field.type())
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
    }

    /** {@code timeseries(row(time, value))}: points with a TIMESTAMP and a value of {@code valueType}. */
    record TimeSeriesOf(ColumnType valueType) implements ColumnType {
        public TimeSeriesOf {
            Objects.requireNonNull(valueType, "valueType");
        }

        @Override
        public String toString() {
            return "timeseries(" + valueType + ")";
        }
    }

    /** Whether this is the scalar type {@code type}. */
    default boolean is(ScalarType type) {
        return this instanceof Scalar scalar && scalar.scalarType() == type;
    }

    /** The type the server described. */
    static ColumnType of(Type type) {
        return switch (type.getKindCase()) {
            case SCALAR_TYPE -> new Scalar(type.getScalarType());
            case ARRAY_COLUMN_INFO -> new ArrayOf(of(type.getArrayColumnInfo().getType()));
            case TIME_SERIES_MEASURE_VALUE_COLUMN_INFO -> new TimeSeriesOf(of(type.getTimeSeriesMeasureValueColumnInfo().getType()));
            case ROW_COLUMN_INFO -> new RowOf(type.getRowColumnInfo().getColumnInfoList().stream().map(Column::of).toList());
            case KIND_NOT_SET -> throw new IllegalArgumentException("the server described a column type without a kind");
        };
    }

    /** Timestream's name of a scalar type ({@code SCALAR_TYPE_DOUBLE} is {@code DOUBLE}). */
    static String scalarName(ScalarType type) {
        String name = type.name();
        return name.startsWith("SCALAR_TYPE_") ? name.substring("SCALAR_TYPE_".length()) : name;
    }
}
