package io.strata.query.catalog;

import io.strata.core.schema.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable {@link Catalog}: databases to tables to schemas. */
public record CatalogSnapshot(Map<String, Map<String, TableSchema>> databasesToTables) implements Catalog {
    public CatalogSnapshot {
        TreeMap<String, Map<String, TableSchema>> copy = new TreeMap<>();
        databasesToTables.forEach((database, tables) -> copy.put(database, Map.copyOf(new TreeMap<>(tables))));
        databasesToTables = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public List<String> databases() {
        return List.copyOf(databasesToTables.keySet());
    }

    @Override
    public List<String> tables(String database) {
        Map<String, TableSchema> tables = databasesToTables.get(database);
        return tables == null ? List.of() : tables.keySet().stream().sorted().toList();
    }

    @Override
    public boolean databaseExists(String database) {
        return databasesToTables.containsKey(database);
    }

    @Override
    public Optional<TableSchema> schema(String database, String table) {
        Map<String, TableSchema> tables = databasesToTables.get(database);
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(table));
    }
}
