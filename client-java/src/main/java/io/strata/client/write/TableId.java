package io.strata.client.write;

import java.util.Objects;

/** A table a writer batches for: records of different tables never share a request. */
record TableId(String databaseName, String tableName) {
    TableId {
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(tableName, "tableName");
    }
}
