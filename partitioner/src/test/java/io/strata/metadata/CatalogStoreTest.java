package io.strata.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.ConflictException;
import io.strata.core.error.ResourceNotFoundException;
import io.strata.core.error.ValidationException;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {
    @TempDir
    static File zooKeeperData;
    private static EmbeddedZooKeeper zooKeeper;
    private CatalogStore store;
    private MetadataPaths paths;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(zooKeeperData);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    @BeforeEach
    void freshRoot(TestInfo test) throws Exception {
        paths = new MetadataPaths("/strata-" + test.getTestMethod().orElseThrow().getName());
        store = new CatalogStore(zooKeeper.newClient(), paths);
    }

    @Test
    void createThenReadADatabase() {
        VersionedEntry created = store.createDatabase("fleet", bytes("v1"));
        assertThat(created.version()).isZero();
        assertThat(store.getDatabase("fleet")).isEqualTo(new VersionedEntry(bytes("v1"), 0));
        assertThat(store.listDatabases()).containsExactly("fleet");
    }

    @Test
    void creatingAnExistingDatabaseIsAConflict() {
        store.createDatabase("fleet", bytes("first"));
        assertThatThrownBy(() -> store.createDatabase("fleet", bytes("second")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The database fleet already exists.");
        assertThat(store.getDatabase("fleet").value()).isEqualTo(bytes("first"));
    }

    @Test
    void missingEntriesAreResourceNotFound() {
        assertThatThrownBy(() -> store.getDatabase("nope"))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("The database nope does not exist.");
        assertThatThrownBy(() -> store.updateDatabase("nope", bytes("x"), 0))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> store.createTable("nope", "t", bytes("x")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("The database nope does not exist.");
        assertThatThrownBy(() -> store.listTables("nope")).isInstanceOf(ResourceNotFoundException.class);
        store.createDatabase("fleet", bytes("db"));
        assertThatThrownBy(() -> store.getTable("fleet", "t"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("The table t does not exist in database fleet.");
        assertThatThrownBy(() -> store.deleteTable("fleet", "t", CatalogStore.ANY_VERSION))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updatesCompareAndSetOnTheVersionRead() {
        store.createDatabase("fleet", bytes("v0"));
        VersionedEntry read = store.getDatabase("fleet");
        VersionedEntry updated = store.updateDatabase("fleet", bytes("v1"), read.version());
        assertThat(updated.version()).isEqualTo(1);

        // a second writer that read the same version loses
        assertThatThrownBy(() -> store.updateDatabase("fleet", bytes("lost update"), read.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed concurrently");
        assertThat(store.getDatabase("fleet")).isEqualTo(new VersionedEntry(bytes("v1"), 1));
        assertThatThrownBy(() -> store.deleteDatabase("fleet", read.version())).isInstanceOf(ConflictException.class);
    }

    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        store.createTable(createdDatabase(), "counter", longBytes(0));
        int writers = 4;
        int incrementsEach = 10;
        List<CatalogStore> stores = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            stores.add(new CatalogStore(zooKeeper.newClient(), paths)); // one ZooKeeper session each
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (CatalogStore writer : stores) {
                conflicts.add(pool.submit(() -> {
                    int lost = 0;
                    for (int done = 0; done < incrementsEach; ) {
                        VersionedEntry current = writer.getTable("db", "counter");
                        long next = ByteBuffer.wrap(current.value()).getLong() + 1;
                        try {
                            writer.updateTable("db", "counter", longBytes(next), current.version());
                            done++;
                        } catch (ConflictException raced) {
                            lost++;
                        }
                    }
                    return lost;
                }));
            }
            for (Future<Integer> conflict : conflicts) {
                conflict.get();
            }
        } finally {
            pool.shutdownNow();
        }
        VersionedEntry result = store.getTable("db", "counter");
        assertThat(ByteBuffer.wrap(result.value()).getLong()).isEqualTo(writers * incrementsEach);
        assertThat(result.version()).isEqualTo(writers * incrementsEach);
    }

    @Test
    void aDatabaseWithTablesCannotBeDeleted() {
        store.createDatabase("fleet", bytes("db"));
        store.createTable("fleet", "cpu", bytes("t1"));
        store.createTable("fleet", "memory", bytes("t2"));
        assertThat(store.listTables("fleet")).containsExactly("cpu", "memory");

        assertThatThrownBy(() -> store.deleteDatabase("fleet", CatalogStore.ANY_VERSION))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot delete database fleet because it contains tables. "
                        + "Delete all tables in the database first.");
        assertThat(store.getDatabase("fleet").version()).isZero();

        store.deleteTable("fleet", "cpu", 0);
        store.deleteTable("fleet", "memory", CatalogStore.ANY_VERSION);
        store.deleteDatabase("fleet", 0);
        assertThat(store.listDatabases()).isEmpty();
        assertThatThrownBy(() -> store.createTable("fleet", "cpu", bytes("t1")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> store.deleteDatabase("fleet", CatalogStore.ANY_VERSION))
                .isInstanceOf(ResourceNotFoundException.class);
        // the name is free again, with a fresh version history
        assertThat(store.createDatabase("fleet", bytes("again")).version()).isZero();
    }

    @Test
    void aTableCreatedWhileItsDatabaseIsDeletedIsNeverOrphaned() throws Exception {
        CatalogStore other = new CatalogStore(zooKeeper.newClient(), paths);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String database = "race-" + round;
                store.createDatabase(database, bytes("db"));
                Future<Boolean> tableCreated = pool.submit(() -> succeeds(() -> other.createTable(database, "t", bytes("t"))));
                Future<Boolean> databaseDeleted = pool.submit(() -> succeeds(
                        () -> store.deleteDatabase(database, CatalogStore.ANY_VERSION)));
                boolean created = tableCreated.get();
                boolean deleted = databaseDeleted.get();
                assertThat(created && deleted).as("both won in round %d", round).isFalse();
                if (deleted) {
                    assertThat(store.listDatabases()).doesNotContain(database);
                    assertThat(zooKeeperHas(paths.table(database, "t"))).isFalse();
                } else {
                    assertThat(store.listTables(database)).containsExactly("t");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void creatingAnExistingTableIsAConflictAndTablesAreScopedByDatabase() {
        store.createDatabase("a", bytes("a"));
        store.createDatabase("b", bytes("b"));
        store.createTable("a", "cpu", bytes("a.cpu"));
        store.createTable("b", "cpu", bytes("b.cpu"));
        assertThatThrownBy(() -> store.createTable("a", "cpu", bytes("again")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The table cpu already exists in database a.");
        assertThat(store.getTable("b", "cpu").value()).isEqualTo(bytes("b.cpu"));
    }

    @Test
    void namesThatAreNotPathSafeRoundTrip() {
        String odd = "my db/ü%..";
        store.createDatabase(odd, bytes("x"));
        store.createDatabase("...", bytes("y"));
        store.createTable(odd, "a/b", bytes("z"));
        assertThat(store.listDatabases()).containsExactly("...", odd);
        assertThat(store.listTables(odd)).containsExactly("a/b");
        assertThat(store.getTable(odd, "a/b").value()).isEqualTo(bytes("z"));
    }

    private static boolean succeeds(Runnable operation) {
        try {
            operation.run();
            return true;
        } catch (ResourceNotFoundException | ValidationException lostTheRace) {
            return false;
        }
    }

    private static boolean zooKeeperHas(String path) throws Exception {
        return zooKeeper.newClient().checkExists().forPath(path) != null;
    }

    private String createdDatabase() {
        store.createDatabase("db", bytes("db"));
        return "db";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
