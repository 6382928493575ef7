package io.strata.query.catalog;

import io.strata.core.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * What the analyzer reads about databases and tables. Names are case-sensitive, exactly as
 * Timestream stores them. The coordinator implements it over the metadata service;
 * {@link CatalogSnapshot} is a fixed copy for a single node and for tests.
 *
 * <p>Thread-safe; each call sees one consistent state, but two calls may see different states.
 * Idempotent reads with no side effects.
 */
public interface Catalog {
    List<String> databases();

    /** The tables of a database; empty if the database does not exist. */
    List<String> tables(String database);

    boolean databaseExists(String database);

    /** The inferred schema of a table, if the table exists. */
    Optional<TableSchema> schema(String database, String table);
}
