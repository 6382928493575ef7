package io.strata.coordinator.catalog;

import io.strata.core.schema.TableSchema;
import io.strata.core.table.TableDefinition;
import io.strata.internal.v1.TableEntry;
import java.util.Objects;

/**
 * An ACTIVE table as the write path sees it: the stored entry (incarnation id, settings), its
 * definition for validation and its inferred schema so far.
 */
public record WritableTable(TableEntry entry, TableDefinition definition, TableSchema schema) {
    public WritableTable {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(schema, "schema");
    }
}
