package io.strata.core.table;

import io.strata.core.model.DatabaseName;
import io.strata.core.model.TableName;
import io.strata.core.time.IngestionWindow;
import java.util.Objects;

/** What a user declares about a table at CreateTable / UpdateTable. */
public record TableDefinition(
        DatabaseName database,
        TableName table,
        RetentionProperties retention,
        MagneticStoreWriteProperties magneticStoreWrites,
        CompositePartitionKey partitionKey,
        Tags tags) {
    public TableDefinition {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(magneticStoreWrites, "magneticStoreWrites");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(tags, "tags");
    }

    /** A table with Timestream's defaults: 6 h / 73000 d, no magnetic writes, partitioned by measure. */
    public static TableDefinition withDefaults(DatabaseName database, TableName table) {
        return new TableDefinition(database, table, RetentionProperties.DEFAULT, MagneticStoreWriteProperties.DISABLED,
                CompositePartitionKey.DEFAULT, Tags.NONE);
    }

    /** The window this table's writes are checked against. */
    public IngestionWindow ingestionWindow() {
        return new IngestionWindow(retention.memoryRetention(), retention.magneticRetention(),
                magneticStoreWrites.enableMagneticStoreWrites());
    }
}
