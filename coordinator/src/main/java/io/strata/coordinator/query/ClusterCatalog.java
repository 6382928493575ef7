package io.strata.coordinator.query;

import io.strata.coordinator.catalog.DatabaseCatalog;
import io.strata.coordinator.catalog.TableCatalog;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.schema.TableSchema;
import io.strata.metadata.RoutingCache;
import io.strata.query.catalog.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The query engine's {@link Catalog} over the cluster catalog: names from this node's
 * {@link RoutingCache} (ZooKeeper's catalog as last seen), a table's inferred schema through
 * {@link TableCatalog#writable}, which falls back to ZooKeeper when the cache has not seen the table
 * yet, so a query right after CreateTable on another node finds it. Only ACTIVE tables are
 * queryable. Thread-safe; may block on ZooKeeper for a table the cache does not know.
 */
public final class ClusterCatalog implements Catalog {
    private final RoutingCache routing;
    private final DatabaseCatalog databases;
    private final TableCatalog tables;

    public ClusterCatalog(RoutingCache routing, DatabaseCatalog databases, TableCatalog tables) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public List<String> databases() {
        return routing.databaseNames();
    }

    @Override
    public List<String> tables(String database) {
        return routing.tableNames(database);
    }

    @Override
    public boolean databaseExists(String database) {
        if (routing.database(database).isPresent()) {
            return true;
        }
        try {
            databases.describe(database);
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    @Override
    public Optional<TableSchema> schema(String database, String table) {
        try {
            return Optional.of(tables.writable(database, table).schema());
        } catch (ResourceNotFoundException absentOrNotActive) {
            return Optional.empty();
        }
    }
}
