package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.seal;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.api.v1.S3Configuration;
import io.strata.internal.v1.Compact;
import io.strata.internal.v1.RecordOutcome;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoreTier;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.LocalDirectoryBlobStore;
import io.strata.tier.magnetic.MagneticStoreOptions;
import io.strata.tier.magnetic.PartitionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard over the real magnetic tier (segments on a local-directory blob store). */
class MagneticTierTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long OLD_SLOT = Math.floorDiv(INGEST - 20 * HOUR, DAY);
    private static final TableWriteSettings LONG_MEMORY = settings(24);
    /** One hour of memory retention: records older than that are late (magnetic) writes. */
    private static final TableWriteSettings SHORT_MEMORY = settings(1);

    @TempDir
    Path directory;

    private static TableWriteSettings settings(long memoryHours) {
        return Commands.settings(memoryHours, 365, true).toBuilder()
                .setRejectedDataLocation(MagneticStoreRejectedDataLocation.newBuilder()
                        .setS3Configuration(S3Configuration.newBuilder().setBucketName("reports")
                                .setObjectKeyPrefix("strata")))
                .build();
    }

    /** 8 hosts × (100 rows 20 hours old, 10 rows one hour old), all in memory under a 24-hour retention. */
    private static List<ShardCommand> memoryWrites() {
        List<ShardCommand> commands = new ArrayList<>();
        for (int host = 0; host < 8; host++) {
            List<StoredRecord> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                records.add(doubleRecord("host-" + host, INGEST - 20 * HOUR + i * SECOND, 1, host * 1000 + i));
            }
            for (int i = 0; i < 10; i++) {
                records.add(doubleRecord("host-" + host, INGEST - HOUR + i * SECOND, 1, -i));
            }
            commands.add(Commands.write(INGEST, LONG_MEMORY, records.toArray(StoredRecord[]::new)));
        }
        return commands;
    }

    private static List<ShardCommand> sealOldSlot() {
        List<ShardCommand> commands = new ArrayList<>();
        for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
            commands.add(seal(OLD_SLOT, bucket, INGEST));
        }
        return commands;
    }

    /** Late records (three days old) for four hosts, in two commands so that segments pile up. */
    private static List<ShardCommand> lateWrites() {
        List<ShardCommand> commands = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            List<StoredRecord> records = new ArrayList<>();
            for (int host = 0; host < 4; host++) {
                for (int i = 0; i < 20; i++) {
                    records.add(doubleRecord("late-" + host, INGEST - 3 * DAY + (round * 20 + i) * SECOND, 1,
                            round * 100 + i));
                }
            }
            commands.add(Commands.write(INGEST, SHORT_MEMORY, records.toArray(StoredRecord[]::new)));
        }
        return commands;
    }

    private static List<ShardCommand> workload() {
        List<ShardCommand> commands = new ArrayList<>(memoryWrites());
        commands.addAll(sealOldSlot());
        commands.addAll(lateWrites());
        long lateSlot = Math.floorDiv(INGEST - 3 * DAY, DAY);
        for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
            commands.add(ShardCommand.newBuilder().setCompact(Compact.newBuilder()
                    .setPartition(Commands.partition(lateSlot, bucket)).setTargetSegmentBytes(1 << 20)).build());
        }
        return commands;
    }

    private static long applyAll(ShardStore store, List<ShardCommand> commands, long firstIndex) {
        long index = firstIndex;
        for (ShardCommand command : commands) {
            store.apply(index++, command);
        }
        return index;
    }

    @Test
    void sealMovesRowsIntoSegmentsAndScansBeforeAndDuringTheSealSeeEveryRowOnce() throws Exception {
        CountDownLatch manifestReady = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> armed = new AtomicReference<>(false);
        MagneticStoreOptions options = MagneticStoreOptions.DEFAULT.withBlockRows(64).withBeforeManifestSwap(manifest -> {
            if (armed.get()) {
                manifestReady.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (MagneticReplica replica = MagneticReplica.local(directory, options)) {
            long index = applyAll(replica.store, memoryWrites(), 1);
            List<String> expected = ScanRows.all(replica.store);
            assertThat(expected).hasSize(880);

            ShardScan before = replica.store.scan(new ScanRequest(Commands.TABLE.tableId(), ScanRows.WIDE, 0,
                    Long.MAX_VALUE, Map.of(), java.util.Set.of(), 50));
            List<String> seenBefore = new ArrayList<>(ScanRows.lines(before.next()));

            armed.set(true);
            long sealIndex = index;
            CompletableFuture<Void> sealing = CompletableFuture.runAsync(() -> applyAll(replica.store, sealOldSlot(), sealIndex));
            assertThat(manifestReady.await(60, TimeUnit.SECONDS)).isTrue();
            // The seal has written its segment and manifest but not switched yet: a scan sees memory.
            assertThat(ScanRows.all(replica.store)).isEqualTo(expected);
            armed.set(false);
            release.countDown();
            sealing.get(60, TimeUnit.SECONDS);

            while (before.hasNext()) {
                seenBefore.addAll(ScanRows.lines(before.next()));
            }
            assertThat(seenBefore).isEqualTo(expected);
            assertThat(ScanRows.all(replica.store)).isEqualTo(expected);
            assertThat(replica.store.memoryUsage().rows()).isEqualTo(80);
            long sealedRows = 0;
            for (PartitionId partition : replica.magnetic.store().partitions()) {
                assertThat(partition.timeSlot()).isEqualTo(OLD_SLOT);
                sealedRows += replica.magnetic.store().manifest(partition).rowCount();
            }
            assertThat(sealedRows).isEqualTo(800);
        }
    }

    @Test
    void lateWritesLandInTheMagneticTierAndCountAsMagnetic() {
        try (MagneticReplica replica = MagneticReplica.local(directory)) {
            List<ShardCommand> late = lateWrites();
            WriteBatchResult result = replica.store.apply(1, late.getFirst());
            assertThat(result.getOutcomesList()).hasSize(80)
                    .allMatch(outcome -> outcome.getStoredIn() == StoreTier.STORE_TIER_MAGNETIC);
            assertThat(replica.store.memoryUsage().rows()).isZero();
            List<String> rows = ScanRows.all(replica.store);
            assertThat(rows).hasSize(80).allMatch(row -> row.contains("host=late-"));
            replica.store.apply(2, late.get(1));
            assertThat(ScanRows.all(replica.store)).hasSize(160);
            long segments = replica.magnetic.store().partitions().stream()
                    .mapToLong(partition -> replica.magnetic.store().manifest(partition).segments().size()).sum();
            assertThat(segments).as("one level-0 segment per partition per command").isGreaterThan(1);
        }
    }

    @Test
    void magneticVersionConflictIsWrittenAsARejectedDataReport() {
        long time = INGEST - 2 * DAY;
        try (MagneticReplica replica = MagneticReplica.local(directory)) {
            replica.store.apply(1, Commands.write(INGEST, SHORT_MEMORY, doubleRecord("late-1", time, 1, 1.5)));
            // Same version, other value: accepted by the write (magnetic rejections are asynchronous), reported.
            WriteBatchResult conflict = replica.store.apply(2,
                    Commands.write(INGEST, SHORT_MEMORY, doubleRecord("late-1", time, 1, 2.5)));
            assertThat(conflict.getOutcomesList()).extracting(RecordOutcome::getStoredIn)
                    .containsExactly(StoreTier.STORE_TIER_MAGNETIC);
            // An identical retry is no conflict; a higher version replaces.
            replica.store.apply(3, Commands.write(INGEST, SHORT_MEMORY, doubleRecord("late-1", time, 1, 1.5)));
            assertThat(ScanRows.all(replica.store)).singleElement().asString().contains("measure_value::double=1.5");
            replica.store.apply(4, Commands.write(INGEST, SHORT_MEMORY, doubleRecord("late-1", time, 2, 3.5)));
            assertThat(ScanRows.all(replica.store)).singleElement().asString().contains("measure_value::double=3.5");

            try (LocalDirectoryBlobStore blobs = new LocalDirectoryBlobStore(replica.blobRoot())) {
                List<BlobKey> reports = blobs.list("rejected-data/");
                assertThat(reports).singleElement().extracting(BlobKey::value).asString()
                        .startsWith("rejected-data/reports/strata/devops/cpu/2026/03/01/12/");
                String report = new String(blobs.get(reports.getFirst()), StandardCharsets.UTF_8);
                assertThat(report.lines()).singleElement().asString()
                        .contains("A record already exists with the same time")
                        .contains("\"existingVersion\":1").contains("\"measureValue\":\"2.5\"");
            }
        }
    }

    @Test
    void threeReplicasApplyingTheSameCommandsHoldTheSameRowsAndByteIdenticalSegments() {
        List<List<String>> scans = new ArrayList<>();
        List<Map<String, byte[]>> files = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            try (MagneticReplica replica = MagneticReplica.local(directory.resolve(name))) {
                applyAll(replica.store, workload(), 1);
                scans.add(ScanRows.all(replica.store));
                files.add(replica.magneticFiles());
            }
        }
        assertThat(scans.getFirst()).hasSize(880 + 160);
        assertThat(scans.get(1)).isEqualTo(scans.getFirst());
        assertThat(scans.get(2)).isEqualTo(scans.getFirst());
        assertThat(files.getFirst().keySet()).anyMatch(name -> name.endsWith(".seg"));
        for (Map<String, byte[]> other : files.subList(1, 3)) {
            assertThat(other.keySet()).isEqualTo(files.getFirst().keySet());
            for (String name : other.keySet()) {
                assertThat(other.get(name)).as(name).isEqualTo(files.getFirst().get(name));
            }
        }
    }

    @Test
    void restartReplaysTheJournalToTheSameState() {
        List<String> expected;
        long next;
        try (MagneticReplica replica = MagneticReplica.local(directory)) {
            next = applyAll(replica.store, memoryWrites(), 1);
            try {
                replica.store.snapshot(next - 1, directory.resolve("ratis-snapshot"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            next = applyAll(replica.store, sealOldSlot(), next);
            next = applyAll(replica.store, lateWrites(), next);
            expected = ScanRows.all(replica.store);
        }
        try (MagneticReplica reopened = MagneticReplica.local(directory)) {
            assertThat(reopened.store.lastAppliedIndex()).isEqualTo(next - 1);
            assertThat(ScanRows.all(reopened.store)).isEqualTo(expected);
            assertThat(reopened.store.memoryUsage().rows()).isEqualTo(80);
            // Raft re-applies what the journal already replayed: nothing changes.
            applyAll(reopened.store, lateWrites(), next - 2);
            assertThat(ScanRows.all(reopened.store)).isEqualTo(expected);
        }
    }

    @Test
    void snapshotInstalledOnAFreshReplicaWithAnEmptyBlobStoreRestoresTheSegments() throws Exception {
        Path snapshot = directory.resolve("snapshot");
        List<ShardCommand> more = List.of(Commands.write(INGEST, SHORT_MEMORY,
                doubleRecord("late-9", INGEST - 4 * DAY, 1, 9.5)));
        try (MagneticReplica leader = MagneticReplica.local(directory.resolve("leader"));
                MagneticReplica follower = MagneticReplica.local(directory.resolve("follower"))) {
            long next = applyAll(leader.store, workload(), 1);
            leader.store.snapshot(next - 1, snapshot);
            Path segmentFile;
            try (var files = Files.walk(snapshot)) {
                segmentFile = files.filter(file -> file.toString().endsWith(".seg")).findFirst().orElseThrow();
            }
            assertThat((Integer) Files.getAttribute(segmentFile, "unix:nlink"))
                    .as("snapshot segments are hard links").isGreaterThan(1);

            follower.store.installSnapshot(snapshot);
            assertThat(follower.magneticFiles().keySet()).isEqualTo(leader.magneticFiles().keySet());
            assertThat(ScanRows.all(follower.store)).hasSize(1040).isEqualTo(ScanRows.all(leader.store));

            applyAll(leader.store, more, next);
            applyAll(follower.store, more, next);
            assertThat(ScanRows.all(follower.store)).isEqualTo(ScanRows.all(leader.store));
        }
        try (MagneticReplica follower = MagneticReplica.local(directory.resolve("follower"))) {
            assertThat(ScanRows.all(follower.store)).hasSize(1041);
        }
    }
}
