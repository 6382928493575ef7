package io.strata.tier.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.WriteBatchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart from the journal, from a snapshot plus the journal tail, snapshot install; determinism. */
class RestartAndSnapshotTest {
    @TempDir
    Path directory;

    private static List<WriteBatchResult> applyAll(ShardStore store, List<ShardCommand> commands, long firstIndex) {
        List<WriteBatchResult> results = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            results.add(store.apply(firstIndex + i, commands.get(i)));
        }
        return results;
    }

    @Test
    void journalReplayAfterRestartGivesIdenticalScansAndAnswersReAppliesAlike() {
        List<ShardCommand> commands = new Workload(1).batches(200);
        Path data = directory.resolve("replica");
        List<String> before;
        List<WriteBatchResult> results;
        try (ShardStore store = ShardStores.open(data)) {
            results = applyAll(store, commands, 1);
            before = ScanRows.all(store);
        }
        assertThat(before).hasSizeGreaterThan(500);

        try (ShardStore reopened = ShardStores.open(data)) {
            assertThat(reopened.lastAppliedIndex()).isEqualTo(200);
            assertThat(ScanRows.all(reopened)).isEqualTo(before);
            // Raft re-applies its log after a restart: already applied entries answer as before.
            assertThat(applyAll(reopened, commands, 1)).isEqualTo(results);
            assertThat(ScanRows.all(reopened)).isEqualTo(before);
        }
    }

    @Test
    void snapshotPlusJournalTailRestoresTheStateAndLetsTheJournalShrink() throws IOException {
        List<ShardCommand> commands = new Workload(2).batches(120);
        Path data = directory.resolve("replica");
        Path exported = directory.resolve("raft-snapshot");
        List<String> atSnapshot;
        List<String> atEnd;
        try (ShardStore store = ShardStores.open(data)) {
            applyAll(store, commands.subList(0, 80), 1);
            atSnapshot = ScanRows.all(store);
            store.snapshot(80, exported);
            applyAll(store, commands.subList(80, 120), 81);
            atEnd = ScanRows.all(store);
        }
        assertThat(atEnd).isNotEqualTo(atSnapshot);
        try (Stream<Path> files = Files.list(exported)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(SnapshotDescriptor.FILE_NAME, SnapshotDescriptor.IMAGE_FILE_NAME);
        }

        try (ShardStore reopened = ShardStores.open(data)) {
            assertThat(reopened.lastAppliedIndex()).isEqualTo(120);
            assertThat(ScanRows.all(reopened)).isEqualTo(atEnd);
            // Raft hands back its own (older) snapshot on restart: nothing to install.
            reopened.installSnapshot(exported);
            assertThat(ScanRows.all(reopened)).isEqualTo(atEnd);
        }

        // A fresh replica installs the snapshot, then applies the log after it.
        try (ShardStore fresh = ShardStores.open(directory.resolve("fresh"))) {
            fresh.installSnapshot(exported);
            assertThat(fresh.lastAppliedIndex()).isEqualTo(80);
            assertThat(ScanRows.all(fresh)).isEqualTo(atSnapshot);
            applyAll(fresh, commands.subList(80, 120), 81);
            assertThat(ScanRows.all(fresh)).isEqualTo(atEnd);
        }
        // ...and restarts from its own copy of it plus its journal.
        try (ShardStore fresh = ShardStores.open(directory.resolve("fresh"))) {
            assertThat(ScanRows.all(fresh)).isEqualTo(atEnd);
        }
    }

    @Test
    void aSnapshotDropsTheJournalFilesItCovers() throws IOException {
        List<ShardCommand> commands = new Workload(5).batches(60);
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-03-01T00:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        Path data = directory.resolve("replica");
        ShardConfiguration configuration = ShardStores.configuration(data, null)
                .withJournal(net.openhft.chronicle.queue.RollCycles.FAST_HOURLY, clock);
        List<String> atEnd;
        try (ShardStore store = ShardStores.open(configuration)) {
            for (int i = 0; i < 60; i++) {
                if (i % 10 == 0) {
                    now.set(now.get().plusSeconds(3600));
                }
                store.apply(i + 1, commands.get(i));
            }
            assertThat(journalFiles(data)).isEqualTo(6);
            // Only the state as of the last applied index can be written.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.snapshot(50, directory.resolve("stale")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot snapshot index 50");
        }
        try (ShardStore store = ShardStores.open(configuration)) {
            store.snapshot(60, directory.resolve("raft-snapshot"));
            assertThat(journalFiles(data)).isEqualTo(1);
            atEnd = ScanRows.all(store);
        }
        try (ShardStore reopened = ShardStores.open(configuration)) {
            assertThat(reopened.lastAppliedIndex()).isEqualTo(60);
            assertThat(ScanRows.all(reopened)).isEqualTo(atEnd);
        }
    }

    private static long journalFiles(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("journal"))) {
            return files.filter(path -> path.toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void threeReplicasApplyingTheSameCommandsEndIdentical() {
        List<ShardCommand> commands = new Workload(3).batches(150);
        List<List<String>> scans = new ArrayList<>();
        List<List<WriteBatchResult>> results = new ArrayList<>();
        List<Object> usages = new ArrayList<>();
        for (int replica = 0; replica < 3; replica++) {
            try (ShardStore store = ShardStores.open(directory.resolve("replica-" + replica))) {
                // Replica 1 restarts halfway and replays its journal.
                if (replica == 1) {
                    results.add(new ArrayList<>(applyAll(store, commands.subList(0, 70), 1)));
                } else {
                    results.add(applyAll(store, commands, 1));
                    scans.add(ScanRows.all(store));
                    usages.add(store.memoryUsage());
                }
            }
            if (replica == 1) {
                try (ShardStore store = ShardStores.open(directory.resolve("replica-1"))) {
                    results.get(1).addAll(applyAll(store, commands.subList(70, 150), 71));
                    scans.add(ScanRows.all(store));
                    usages.add(store.memoryUsage());
                }
            }
        }
        assertThat(scans.get(0)).isNotEmpty();
        assertThat(scans.get(1)).isEqualTo(scans.get(0));
        assertThat(scans.get(2)).isEqualTo(scans.get(0));
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
        assertThat(usages).containsOnly(usages.get(0));
    }

    @Test
    void aReplicaThatInstalledASnapshotReportsTheSameMemoryUsage() throws IOException {
        List<ShardCommand> commands = new Workload(4).batches(60);
        Path exported = directory.resolve("raft-snapshot");
        Object usage;
        try (ShardStore store = ShardStores.open(directory.resolve("leader"))) {
            applyAll(store, commands, 1);
            store.snapshot(60, exported);
            usage = store.memoryUsage();
        }
        try (ShardStore fresh = ShardStores.open(directory.resolve("follower"))) {
            fresh.installSnapshot(exported);
            // Equal usage means equal memory-limit decisions on every replica afterwards.
            assertThat(fresh.memoryUsage()).isEqualTo(usage);
        }
    }
}
