package io.strata.coordinator.catalog;

import io.strata.api.v1.CreateTableRequest;
import io.strata.api.v1.ListTablesRequest;
import io.strata.api.v1.ListTablesResponse;
import io.strata.api.v1.Schema;
import io.strata.api.v1.Table;
import io.strata.api.v1.TableStatus;
import io.strata.api.v1.Tag;
import io.strata.api.v1.UpdateTableRequest;
import io.strata.core.error.ConflictException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceQuotaExceededException;
import io.strata.core.schema.TableSchema;
import io.strata.core.table.CompositePartitionKey;
import io.strata.core.table.RetentionProperties;
import io.strata.internal.v1.TableEntry;
import io.strata.metadata.CatalogStore;
import io.strata.metadata.RoutingCache;
import io.strata.metadata.VersionedEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Timestream's table operations over the cluster catalog, plus what the write path needs of a
 * table: its settings ({@link #writable}) and the growth of its inferred schema ({@link #mergeSchema}).
 *
 * <p>Admin calls read and write ZooKeeper directly. {@link #writable} answers from the node's
 * {@link RoutingCache} and falls back to ZooKeeper when the cache has not seen the table yet, so a
 * write right after CreateTable on another node finds it. Thread-safe, blocking.
 */
public final class TableCatalog {
    /** Timestream's default quota of tables per account. */
    public static final int MAXIMUM_TABLES = 50_000;
    private static final char KEY_SEPARATOR = '\u0000';

    private final CatalogStore store;
    private final RoutingCache cache;
    private final ResourceArns arns;
    private final Clock clock;
    private final Supplier<String> tableIds;

    /**
     * @param tableIds a new, never reused incarnation id per created table (random UUIDs in production)
     */
    public TableCatalog(CatalogStore store, RoutingCache cache, ResourceArns arns, Clock clock,
                        Supplier<String> tableIds) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.arns = Objects.requireNonNull(arns, "arns");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tableIds = Objects.requireNonNull(tableIds, "tableIds");
    }

    public Table create(CreateTableRequest request) {
        CatalogEntries.databaseName(request.getDatabaseName());
        CatalogEntries.tableName(request.getTableName());
        RetentionProperties retention = request.hasRetentionProperties()
                ? CatalogEntries.retention(request.getRetentionProperties())
                : RetentionProperties.DEFAULT;
        io.strata.api.v1.MagneticStoreWriteProperties magnetic = request.hasMagneticStoreWriteProperties()
                ? CatalogEntries.magneticStoreWritesShown(request.getMagneticStoreWriteProperties())
                : io.strata.api.v1.MagneticStoreWriteProperties.newBuilder().setEnableMagneticStoreWrites(false).build();
        Schema schema = CatalogEntries.schema(request.hasSchema()
                ? CatalogEntries.partitionKey(request.getSchema())
                : CompositePartitionKey.DEFAULT);
        List<Tag> tags = CatalogEntries.tags(request.getTagsList());
        if (tableCount() >= MAXIMUM_TABLES) {
            throw new ServiceQuotaExceededException("The table quota of " + MAXIMUM_TABLES
                    + " tables has been reached. Delete a table before creating another.");
        }
        long now = clock.millis();
        TableEntry entry = TableEntry.newBuilder()
                .setDatabaseName(request.getDatabaseName())
                .setTableName(request.getTableName())
                .setTableId(tableIds.get())
                .setTableStatus(TableStatus.TABLE_STATUS_ACTIVE)
                .setMemoryStoreRetentionHours(retention.memoryStoreRetentionPeriodInHours())
                .setMagneticStoreRetentionDays(retention.magneticStoreRetentionPeriodInDays())
                .setMagneticStoreWriteProperties(magnetic)
                .setSchema(schema)
                .setCreationTimeMillis(now)
                .setLastUpdatedTimeMillis(now)
                .addAllTags(tags)
                .build();
        store.createTable(entry.getDatabaseName(), entry.getTableName(), entry.toByteArray());
        return CatalogEntries.table(entry, arns);
    }

    public Table describe(String databaseName, String tableName) {
        CatalogEntries.databaseName(databaseName);
        CatalogEntries.tableName(tableName);
        return CatalogEntries.table(entry(databaseName, tableName), arns);
    }

    /** Tables of one database, or of every database when none is named, ordered by (database, table). */
    public ListTablesResponse list(ListTablesRequest request) {
        int pageSize = Pagination.pageSize(request.hasMaxResults() ? Optional.of(request.getMaxResults()) : Optional.empty());
        Optional<String> after = Pagination.startAfter(request.hasNextToken() ? Optional.of(request.getNextToken())
                : Optional.empty());
        List<String> keys = new ArrayList<>();
        if (request.hasDatabaseName()) {
            CatalogEntries.databaseName(request.getDatabaseName());
            store.listTables(request.getDatabaseName()).forEach(table -> keys.add(key(request.getDatabaseName(), table)));
        } else {
            for (String database : store.listDatabases()) {
                try {
                    store.listTables(database).forEach(table -> keys.add(key(database, table)));
                } catch (ResourceNotFoundException deletedMeanwhile) {
                    // skip it
                }
            }
        }
        Pagination.Page<Table> page = Pagination.page(keys, after, pageSize, key -> {
            int separator = key.indexOf(KEY_SEPARATOR);
            try {
                return Optional.of(CatalogEntries.table(entry(key.substring(0, separator), key.substring(separator + 1)),
                        arns));
            } catch (ResourceNotFoundException deletedMeanwhile) {
                return Optional.empty();
            }
        });
        ListTablesResponse.Builder response = ListTablesResponse.newBuilder().addAllTables(page.items());
        page.nextToken().ifPresent(response::setNextToken);
        return response.build();
    }

    /**
     * Changes retention, magnetic-store writes and partition-key enforcement; absent members keep
     * their value. Retention applies to writes accepted from now on.
     */
    public Table update(UpdateTableRequest request) {
        CatalogEntries.databaseName(request.getDatabaseName());
        CatalogEntries.tableName(request.getTableName());
        Optional<RetentionProperties> retention = request.hasRetentionProperties()
                ? Optional.of(CatalogEntries.retention(request.getRetentionProperties()))
                : Optional.empty();
        Optional<io.strata.api.v1.MagneticStoreWriteProperties> magnetic = request.hasMagneticStoreWriteProperties()
                ? Optional.of(CatalogEntries.magneticStoreWritesShown(request.getMagneticStoreWriteProperties()))
                : Optional.empty();
        Optional<CompositePartitionKey> key = request.hasSchema()
                ? Optional.of(CatalogEntries.partitionKey(request.getSchema()))
                : Optional.empty();
        TableEntry updated = change(request.getDatabaseName(), request.getTableName(), entry -> {
            TableEntry.Builder builder = entry.toBuilder();
            retention.ifPresent(value -> builder.setMemoryStoreRetentionHours(value.memoryStoreRetentionPeriodInHours())
                    .setMagneticStoreRetentionDays(value.magneticStoreRetentionPeriodInDays()));
            magnetic.ifPresent(builder::setMagneticStoreWriteProperties);
            key.ifPresent(newKey -> {
                CatalogEntries.partitionKey(entry.getSchema()).checkUpdate(newKey);
                builder.setSchema(CatalogEntries.schema(newKey));
            });
            TableEntry changed = builder.build();
            return changed.equals(entry) ? entry : changed.toBuilder().setLastUpdatedTimeMillis(clock.millis()).build();
        });
        return CatalogEntries.table(updated, arns);
    }

    public void delete(String databaseName, String tableName) {
        CatalogEntries.databaseName(databaseName);
        CatalogEntries.tableName(tableName);
        VersionedEntry current = store.getTable(databaseName, tableName);
        store.deleteTable(databaseName, tableName, current.version());
    }

    /**
     * The table a write names, if it is ACTIVE.
     *
     * @throws ResourceNotFoundException if the database or table does not exist or is not ACTIVE
     */
    public WritableTable writable(String databaseName, String tableName) {
        TableEntry entry = cache.table(databaseName, tableName)
                .map(cached -> CatalogEntries.parseTable(cached.value()))
                .orElseGet(() -> entry(databaseName, tableName));
        if (entry.getTableStatus() != TableStatus.TABLE_STATUS_ACTIVE) {
            throw new ResourceNotFoundException("The table " + tableName + " in database " + databaseName
                    + " is not ACTIVE.");
        }
        return new WritableTable(entry, CatalogEntries.definition(entry),
                InferredSchemas.fromColumns(entry.getInferredColumnsList()));
    }

    /**
     * Adds the names in {@code grown} to the table's stored schema (the table incarnation
     * {@code tableId} only: a recreated table is left alone). A type conflict with a schema grown
     * concurrently through another node is a {@link ConflictException}; the records are stored by
     * then, so the caller reports it rather than failing the write.
     */
    public void mergeSchema(String databaseName, String tableName, String tableId, TableSchema grown) {
        change(databaseName, tableName, entry -> {
            if (!entry.getTableId().equals(tableId)) {
                return entry;
            }
            TableSchema stored = InferredSchemas.fromColumns(entry.getInferredColumnsList());
            TableSchema merged = stored.merge(grown);
            if (merged.equals(stored)) {
                return entry;
            }
            return entry.toBuilder().clearInferredColumns().addAllInferredColumns(InferredSchemas.toColumns(merged)).build();
        });
    }

    List<Tag> tags(String databaseName, String tableName) {
        return entry(databaseName, tableName).getTagsList();
    }

    void changeTags(String databaseName, String tableName, UnaryOperator<List<Tag>> change) {
        change(databaseName, tableName,
                entry -> entry.toBuilder().clearTags().addAllTags(change.apply(entry.getTagsList())).build());
    }

    private TableEntry entry(String databaseName, String tableName) {
        return CatalogEntries.parseTable(store.getTable(databaseName, tableName).value());
    }

    private TableEntry change(String databaseName, String tableName, UnaryOperator<TableEntry> change) {
        for (int attempt = 1; ; attempt++) {
            VersionedEntry current = store.getTable(databaseName, tableName);
            TableEntry entry = CatalogEntries.parseTable(current.value());
            TableEntry updated = change.apply(entry);
            if (updated.equals(entry)) {
                return entry;
            }
            try {
                store.updateTable(databaseName, tableName, updated.toByteArray(), current.version());
                return updated;
            } catch (ConflictException concurrentChange) {
                if (attempt == DatabaseCatalog.UPDATE_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    private int tableCount() {
        int count = 0;
        for (String database : store.listDatabases()) {
            try {
                count += store.listTables(database).size();
            } catch (ResourceNotFoundException deletedMeanwhile) {
                // not counted
            }
        }
        return count;
    }

    private static String key(String database, String table) {
        return database + KEY_SEPARATOR + table;
    }
}
