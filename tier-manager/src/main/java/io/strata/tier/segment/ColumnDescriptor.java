package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.MeasureValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * A value column of a series: its name and type. A single-measure series has one column named as
 * the query engine names it ({@code measure_value::double}, ...); a MULTI series has one column
 * per attribute, named after it.
 */
public record ColumnDescriptor(String name, ColumnType type) {
    public ColumnDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }

    /** The column of a single-measure series of {@code type}. */
    public static ColumnDescriptor singleMeasure(MeasureValueType type) {
        return new ColumnDescriptor(singleMeasureColumnName(type), columnTypeOf(type));
    }

    /** {@code measure_value::double} and so on: the column name Timestream's SQL uses. */
    public static String singleMeasureColumnName(MeasureValueType type) {
        if (type == MeasureValueType.MULTI) {
            throw new IllegalArgumentException("a MULTI measure has one column per attribute");
        }
        return "measure_value::" + type.name().toLowerCase(Locale.ROOT);
    }

    /** The column type that holds values of a measure type. */
    public static ColumnType columnTypeOf(MeasureValueType type) {
        return switch (type) {
            case DOUBLE -> ColumnType.DOUBLE;
            case BIGINT -> ColumnType.BIGINT;
            case VARCHAR -> ColumnType.VARCHAR;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case MULTI -> throw new IllegalArgumentException("MULTI is not a column type");
        };
    }
}
