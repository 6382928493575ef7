package io.strata.raft.query;

import io.strata.core.schema.TableSchema;
import java.util.Objects;

/**
 * A table as a shard scans it: the incarnation its rows are stored under and its inferred schema
 * (which columns are dimensions, measure values or multi-measure attributes, and their types).
 */
public record ShardTable(String tableId, TableSchema schema) {
    public ShardTable {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(schema, "schema");
    }
}
