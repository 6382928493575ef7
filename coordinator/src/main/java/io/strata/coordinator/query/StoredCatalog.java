package io.strata.coordinator.query;

import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.api.v1.TableStatus;
import io.strata.coordinator.catalog.InferredSchemas;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.schema.TableSchema;
import io.strata.internal.v1.TableEntry;
import io.strata.metadata.CatalogStore;
import io.strata.query.catalog.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The query engine's {@link Catalog} read straight from ZooKeeper, never from a cache: what the
 * coordinator analyzes against again when the cached {@link ClusterCatalog} rejects a statement,
 * so a column or table that a write or CreateTable through another node added a moment ago is
 * found (read-your-writes across nodes). Only ACTIVE tables are queryable. Thread-safe; every call
 * blocks on ZooKeeper.
 */
public final class StoredCatalog implements Catalog {
    private final CatalogStore store;

    public StoredCatalog(CatalogStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<String> databases() {
        return store.listDatabases();
    }

    @Override
    public List<String> tables(String database) {
        try {
            return store.listTables(database);
        } catch (ResourceNotFoundException absent) {
            return List.of();
        }
    }

    @Override
    public boolean databaseExists(String database) {
        try {
            store.getDatabase(database);
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    @Override
    public Optional<TableSchema> schema(String database, String table) {
        TableEntry entry;
        try {
            entry = TableEntry.parseFrom(store.getTable(database, table).value());
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        } catch (InvalidProtocolBufferException corrupt) {
            throw new InternalServerException("The catalog entry of table " + database + "." + table
                    + " is unreadable", corrupt);
        }
        if (entry.getTableStatus() != TableStatus.TABLE_STATUS_ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(InferredSchemas.fromColumns(entry.getInferredColumnsList()));
    }
}
