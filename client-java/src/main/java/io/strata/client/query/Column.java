package io.strata.client.query;

import io.strata.api.v1.ColumnInfo;
import java.util.Objects;

/**
 * A result column, or a field of a row type (Timestream's ColumnInfo).
 *
 * @param name the column's name; empty for the element type of an array
 * @param type the column's type
 */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The column the server described. */
    static Column of(ColumnInfo info) {
        return new Column(info.hasName() ? info.getName() : "", ColumnType.of(info.getType()));
    }
}
