package io.strata.coordinator.catalog;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.Database;
import io.strata.api.v1.ListDatabasesRequest;
import io.strata.api.v1.ListDatabasesResponse;
import io.strata.api.v1.Tag;
import io.strata.api.v1.UpdateDatabaseRequest;
import io.strata.core.error.ConflictException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceQuotaExceededException;
import io.strata.core.model.ConstraintViolations;
import io.strata.core.table.DatabaseDefinition;
import io.strata.core.table.Tags;
import io.strata.internal.v1.DatabaseEntry;
import io.strata.metadata.CatalogStore;
import io.strata.metadata.VersionedEntry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Timestream's database operations over the cluster catalog in ZooKeeper. Every call reads and
 * writes ZooKeeper directly (linearizable); updates are compare-and-set on the entry's version and
 * retried a few times on a concurrent change, so concurrent updates do not lose each other's fields.
 *
 * <p>Thread-safe, blocking. Create and delete follow {@link CatalogStore}'s idempotence notes.
 */
public final class DatabaseCatalog {
    /** Timestream's default quota of databases per account. */
    public static final int MAXIMUM_DATABASES = 500;
    static final int UPDATE_ATTEMPTS = 5;

    private final CatalogStore store;
    private final ResourceArns arns;
    private final Clock clock;

    public DatabaseCatalog(CatalogStore store, ResourceArns arns, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.arns = Objects.requireNonNull(arns, "arns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Database create(CreateDatabaseRequest request) {
        DatabaseDefinition definition = new DatabaseDefinition(CatalogEntries.databaseName(request.getDatabaseName()),
                request.hasKmsKeyId() ? Optional.of(request.getKmsKeyId()) : Optional.empty(), Tags.NONE);
        List<Tag> tags = CatalogEntries.tags(request.getTagsList());
        if (store.listDatabases().size() >= MAXIMUM_DATABASES) {
            throw new ServiceQuotaExceededException("The database quota of " + MAXIMUM_DATABASES
                    + " databases has been reached. Delete a database before creating another.");
        }
        long now = clock.millis();
        DatabaseEntry.Builder entry = DatabaseEntry.newBuilder()
                .setDatabaseName(definition.name().value())
                .setCreationTimeMillis(now)
                .setLastUpdatedTimeMillis(now)
                .addAllTags(tags);
        definition.kmsKeyId().ifPresent(entry::setKmsKeyId);
        DatabaseEntry created = entry.build();
        store.createDatabase(created.getDatabaseName(), created.toByteArray());
        return CatalogEntries.database(created, 0, arns);
    }

    public Database describe(String databaseName) {
        CatalogEntries.databaseName(databaseName);
        DatabaseEntry entry = CatalogEntries.parseDatabase(store.getDatabase(databaseName).value());
        return CatalogEntries.database(entry, tableCount(databaseName), arns);
    }

    public ListDatabasesResponse list(ListDatabasesRequest request) {
        int pageSize = Pagination.pageSize(request.hasMaxResults() ? Optional.of(request.getMaxResults()) : Optional.empty());
        Optional<String> after = Pagination.startAfter(request.hasNextToken() ? Optional.of(request.getNextToken())
                : Optional.empty());
        Pagination.Page<Database> page = Pagination.page(store.listDatabases(), after, pageSize, name -> {
            try {
                return Optional.of(describe(name));
            } catch (ResourceNotFoundException deletedMeanwhile) {
                return Optional.empty();
            }
        });
        ListDatabasesResponse.Builder response = ListDatabasesResponse.newBuilder().addAllDatabases(page.items());
        page.nextToken().ifPresent(response::setNextToken);
        return response.build();
    }

    /** Sets the KMS key; the same key is a no-op (LastUpdatedTime unchanged). */
    public Database update(UpdateDatabaseRequest request) {
        CatalogEntries.databaseName(request.getDatabaseName());
        ConstraintViolations violations = new ConstraintViolations();
        violations.characterLength(request.getKmsKeyId(), "kmsKeyId", 1, 2048);
        violations.throwIfAny();
        DatabaseEntry updated = change(request.getDatabaseName(), entry -> entry.hasKmsKeyId()
                && entry.getKmsKeyId().equals(request.getKmsKeyId())
                ? entry
                : entry.toBuilder().setKmsKeyId(request.getKmsKeyId()).setLastUpdatedTimeMillis(clock.millis()).build());
        return CatalogEntries.database(updated, tableCount(request.getDatabaseName()), arns);
    }

    /** Deletes an empty database; a database with tables is a ValidationException. */
    public void delete(String databaseName) {
        CatalogEntries.databaseName(databaseName);
        VersionedEntry current = store.getDatabase(databaseName);
        store.deleteDatabase(databaseName, current.version());
    }

    List<Tag> tags(String databaseName) {
        return CatalogEntries.parseDatabase(store.getDatabase(databaseName).value()).getTagsList();
    }

    void changeTags(String databaseName, UnaryOperator<List<Tag>> change) {
        change(databaseName, entry -> entry.toBuilder().clearTags().addAllTags(change.apply(entry.getTagsList())).build());
    }

    private DatabaseEntry change(String databaseName, UnaryOperator<DatabaseEntry> change) {
        for (int attempt = 1; ; attempt++) {
            VersionedEntry current = store.getDatabase(databaseName);
            DatabaseEntry entry = CatalogEntries.parseDatabase(current.value());
            DatabaseEntry updated = change.apply(entry);
            if (updated.equals(entry)) {
                return entry;
            }
            try {
                store.updateDatabase(databaseName, updated.toByteArray(), current.version());
                return updated;
            } catch (ConflictException concurrentChange) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    private long tableCount(String databaseName) {
        try {
            return store.listTables(databaseName).size();
        } catch (ResourceNotFoundException deletedMeanwhile) {
            return 0;
        }
    }
}
