package io.strata.tier.memory;

import java.util.Objects;

/**
 * One incarnation of a table: its names plus the id that tells a table apart from a deleted
 * and recreated one with the same name. Storage keys everything by {@link #tableId()}.
 */
public record TableReference(String databaseName, String tableName, String tableId) {
    public TableReference {
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(tableId, "tableId");
        if (tableId.isEmpty()) {
            throw new IllegalArgumentException("tableId must not be empty");
        }
    }
}
