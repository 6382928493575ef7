package io.strata.query.execution;

import io.strata.query.expression.SqlType;
import java.util.Objects;

/** A result column as Timestream's {@code ColumnInfo} describes it: name and scalar type. */
public record ResultColumn(String name, SqlType type) {
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The {@code ScalarType} of the column's {@code ColumnInfo}. */
    public String timestreamType() {
        return type.timestreamName();
    }
}
