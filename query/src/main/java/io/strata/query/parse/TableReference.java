package io.strata.query.parse;

import java.util.Objects;

/** {@code database.table} as written in a metadata statement. */
public record TableReference(SqlIdentifier database, SqlIdentifier table) {

    public TableReference {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
