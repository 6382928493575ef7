package io.strata.query.catalog;

import java.util.Objects;

/** A table a query reads: database and table, case kept. */
public record TableName(String database, String table) {
    public TableName {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return '"' + database + "\".\"" + table + '"';
    }
}
