package io.strata.metadata;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.TransactionOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Versioned create/read/update/delete of catalog entries in ZooKeeper, as opaque bytes (the typed
 * catalog is layered on top). Every write is one ZooKeeper operation or one multi-op transaction,
 * so it is atomic and linearizable:
 * <ul>
 *   <li>create is create-if-absent → {@link ConflictException} when the name is taken;</li>
 *   <li>update and delete are compare-and-set on the version read earlier
 *       ({@link VersionedEntry#version()}) → {@link ConflictException} when someone wrote in
 *       between; {@link #ANY_VERSION} skips the check;</li>
 *   <li>a missing database or table → {@link ResourceNotFoundException};</li>
 *   <li>a database is deleted only when it has no tables → {@link ValidationException}. Tables of
 *       {@code db} live under {@code catalog/tables/<db>}, created and deleted in the same
 *       transaction as the database, so a table created concurrently with the delete either
 *       blocks it (not empty) or fails because its parent is gone: never an orphan.</li>
 * </ul>
 *
 * <p>Threading: thread-safe, blocking (each call waits for ZooKeeper). Idempotence: a retried
 * create can report {@link ConflictException} and a retried delete {@link ResourceNotFoundException}
 * when the first attempt had in fact succeeded before a connection loss (Timestream documents the
 * same ambiguity for DeleteDatabase). Loss of the ZooKeeper connection surfaces as
 * {@link ServiceUnavailableException} (retryable).
 */
public final class CatalogStore {
    /** Pass as expected version to update or delete whatever version is stored. */
    public static final int ANY_VERSION = -1;

    private final CuratorFramework client;
    private final MetadataPaths paths;

    public CatalogStore(CuratorFramework client, MetadataPaths paths) throws Exception {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
        paths.createParents(client);
    }

    public VersionedEntry createDatabase(String database, byte[] value) {
        TransactionOp op = client.transactionOp();
        return call(() -> {
            client.transaction().forOperations(
                    op.create().forPath(paths.database(database), value),
                    op.create().forPath(paths.tablesOf(database)));
            return new VersionedEntry(value, 0);
        }, failure -> switch (failure.code()) {
            case NODEEXISTS -> new ConflictException("The database " + database + " already exists.");
            default -> null;
        });
    }

    public VersionedEntry getDatabase(String database) {
        return read(paths.database(database), () -> databaseNotFound(database));
    }

    public VersionedEntry updateDatabase(String database, byte[] value, int expectedVersion) {
        return write(paths.database(database), value, expectedVersion, () -> databaseNotFound(database),
                () -> concurrentChange("database " + database, expectedVersion));
    }

    public void deleteDatabase(String database, int expectedVersion) {
        TransactionOp op = client.transactionOp();
        call(() -> {
            client.transaction().forOperations(
                    op.delete().forPath(paths.tablesOf(database)),
                    op.delete().withVersion(expectedVersion).forPath(paths.database(database)));
            return null;
        }, failure -> switch (failure.code()) {
            case NONODE -> databaseNotFound(database);
            case NOTEMPTY -> new ValidationException("Cannot delete database " + database
                    + " because it contains tables. Delete all tables in the database first.");
            case BADVERSION -> concurrentChange("database " + database, expectedVersion);
            default -> null;
        });
    }

    /** Database names, ascending. */
    public List<String> listDatabases() {
        return call(() -> decodedSorted(client.getChildren().forPath(paths.databases())), failure -> null);
    }

    public VersionedEntry createTable(String database, String table, byte[] value) {
        TransactionOp op = client.transactionOp();
        return call(() -> {
            client.transaction().forOperations(
                    op.check().forPath(paths.database(database)),
                    op.create().forPath(paths.table(database, table), value));
            return new VersionedEntry(value, 0);
        }, failure -> switch (failure.code()) {
            case NONODE -> databaseNotFound(database);
            case NODEEXISTS -> new ConflictException(
                    "The table " + table + " already exists in database " + database + ".");
            default -> null;
        });
    }

    public VersionedEntry getTable(String database, String table) {
        return read(paths.table(database, table), () -> tableNotFound(database, table));
    }

    public VersionedEntry updateTable(String database, String table, byte[] value, int expectedVersion) {
        return write(paths.table(database, table), value, expectedVersion, () -> tableNotFound(database, table),
                () -> concurrentChange("table " + database + "." + table, expectedVersion));
    }

    public void deleteTable(String database, String table, int expectedVersion) {
        call(() -> {
            client.delete().withVersion(expectedVersion).forPath(paths.table(database, table));
            return null;
        }, failure -> switch (failure.code()) {
            case NONODE -> tableNotFound(database, table);
            case BADVERSION -> concurrentChange("table " + database + "." + table, expectedVersion);
            default -> null;
        });
    }

    /** Table names of {@code database}, ascending. */
    public List<String> listTables(String database) {
        return call(() -> decodedSorted(client.getChildren().forPath(paths.tablesOf(database))),
                failure -> failure.code() == KeeperException.Code.NONODE ? databaseNotFound(database) : null);
    }

    private VersionedEntry read(String path, Supplier<StrataException> notFound) {
        return call(() -> {
            Stat stat = new Stat();
            byte[] value = client.getData().storingStatIn(stat).forPath(path);
            return new VersionedEntry(value == null ? new byte[0] : value, stat.getVersion());
        }, failure -> failure.code() == KeeperException.Code.NONODE ? notFound.get() : null);
    }

    private VersionedEntry write(String path, byte[] value, int expectedVersion,
                                 Supplier<StrataException> notFound,
                                 Supplier<StrataException> conflict) {
        return call(() -> {
            Stat stat = client.setData().withVersion(expectedVersion).forPath(path, value);
            return new VersionedEntry(value, stat.getVersion());
        }, failure -> switch (failure.code()) {
            case NONODE -> notFound.get();
            case BADVERSION -> conflict.get();
            default -> null;
        });
    }

    private static List<String> decodedSorted(List<String> children) {
        return children.stream().map(MetadataPaths::decodeName).sorted().toList();
    }

    private static ResourceNotFoundException databaseNotFound(String database) {
        return new ResourceNotFoundException("The database " + database + " does not exist.");
    }

    private static ResourceNotFoundException tableNotFound(String database, String table) {
        return new ResourceNotFoundException("The table " + table + " does not exist in database " + database + ".");
    }

    private static ConflictException concurrentChange(String what, int expectedVersion) {
        return new ConflictException("The " + what + " was changed concurrently (expected version "
                + expectedVersion + "). Read it again and retry.");
    }

    @FunctionalInterface
    private interface ZooKeeperCall<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    private interface FailureTranslation {
        /** The user-facing error for {@code failure}, or {@code null} for "not an expected outcome". */
        StrataException translate(KeeperException failure);
    }

    private static <T> T call(ZooKeeperCall<T> call, FailureTranslation translation) {
        try {
            return call.run();
        } catch (KeeperException failure) {
            StrataException translated = translation.translate(failure);
            if (translated != null) {
                throw translated;
            }
            throw new ServiceUnavailableException("The metadata store cannot serve the request now ("
                    + failure.code() + "). Retry later.", failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the metadata store.", e);
        } catch (StrataException e) {
            throw e;
        } catch (Exception e) {
            throw new ServiceUnavailableException("The metadata store cannot serve the request now. Retry later.", e);
        }
    }
}
