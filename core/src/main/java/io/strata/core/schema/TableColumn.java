package io.strata.core.schema;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.MeasureValueType;
import java.util.Locale;
import java.util.Objects;

/** One column of a table as queries see it. */
public record TableColumn(String name, ColumnType type, ColumnRole role) {
    public static final String TIME = "time";
    public static final String MEASURE_NAME = "measure_name";

    public TableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
    }

    /** The column type holding values of a scalar measure type. */
    public static ColumnType columnType(MeasureValueType type) {
        return switch (type) {
            case DOUBLE -> ColumnType.DOUBLE;
            case BIGINT -> ColumnType.BIGINT;
            case VARCHAR -> ColumnType.VARCHAR;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case MULTI -> throw new IllegalArgumentException("MULTI has no column type");
        };
    }

    /** {@code measure_value::double} and its siblings: the column of single measures of a type. */
    public static String measureValueColumnName(MeasureValueType type) {
        return "measure_value::" + type.name().toLowerCase(Locale.ROOT);
    }
}
