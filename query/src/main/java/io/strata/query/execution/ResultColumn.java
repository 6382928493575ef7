package io.strata.query.execution;

import io.strata.query.expression.SqlType;
import java.util.Objects;

/** A result column as Timestream's {@code ColumnInfo} describes it: name and type. */
public record ResultColumn(String name, SqlType type) {
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The {@code ScalarType} of the column's {@code ColumnInfo}, or ARRAY, TIMESERIES or ROW for a composite. */
    public String timestreamType() {
        return type.timestreamName();
    }

    /** The column's full {@code ColumnInfo}: element, measure value and field types of composites. */
    public ColumnInfo columnInfo() {
        return ColumnInfo.of(name, type);
    }
}
