package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredRecord;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.S3BlobStore;
import io.strata.tier.blob.S3ProxyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard's magnetic tier on S3 (s3proxy), one key prefix per replica; a snapshot copies through the store. */
class MagneticTierOnS3Test {
    private static final String BUCKET = "strata-shards";
    private static S3ProxyServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static MagneticReplica replica(Path root, String prefix) {
        return MagneticReplica.on(root, S3BlobStore.open(server.configuration(BUCKET).withKeyPrefix(prefix)));
    }

    @Test
    void sealAndLateWritesOnS3AndASnapshotRestoresThemUnderAnotherPrefix() throws Exception {
        long oldSlot = Math.floorDiv(INGEST - 20 * HOUR, DAY);
        List<StoredRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(doubleRecord("host-" + (i % 5), INGEST - 20 * HOUR + i * 1_000_000_000L, 1, i));
        }
        ShardCommand memoryWrite = Commands.write(INGEST, Commands.settings(24, 365, true),
                records.toArray(StoredRecord[]::new));
        ShardCommand lateWrite = Commands.write(INGEST, Commands.settings(1, 365, true),
                doubleRecord("late", INGEST - 3 * DAY, 1, 7.5));
        Path snapshot = directory.resolve("snapshot");
        List<String> expected;
        try (MagneticReplica a = replica(directory.resolve("a"), "replica-a/")) {
            long index = 1;
            a.store.apply(index++, memoryWrite);
            for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
                a.store.apply(index++, Commands.seal(oldSlot, bucket, INGEST));
            }
            a.store.apply(index++, lateWrite);
            expected = ScanRows.all(a.store);
            assertThat(expected).hasSize(51);
            assertThat(a.store.memoryUsage().rows()).isZero();
            a.store.snapshot(index - 1, snapshot);
        }
        try (MagneticReplica b = replica(directory.resolve("b"), "replica-b/")) {
            b.store.installSnapshot(snapshot);
            assertThat(ScanRows.all(b.store)).isEqualTo(expected);
        }
        try (S3BlobStore blobs = S3BlobStore.open(server.configuration(BUCKET))) {
            List<BlobKey> copied = blobs.list("replica-b/magnetic/");
            assertThat(copied).isNotEmpty().hasSameSizeAs(blobs.list("replica-a/magnetic/"));
        }
        try (MagneticReplica reopened = replica(directory.resolve("b"), "replica-b/")) {
            assertThat(ScanRows.all(reopened.store)).isEqualTo(expected);
        }
    }
}
