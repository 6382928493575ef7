package io.strata.raft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardSnapshotStorageTest {
    @TempDir
    Path stateMachineDirectory;

    @Test
    void theLatestCompleteSnapshotIsFoundAgainAfterARestart() throws Exception {
        ShardSnapshotStorage storage = new ShardSnapshotStorage();
        storage.init(stateMachineDirectory);
        assertThat(storage.getLatestSnapshot()).isNull();

        write(storage, TermIndex.valueOf(1, 100), "a");
        write(storage, TermIndex.valueOf(2, 250), "b");
        // A crash while writing leaves a partial directory: it must never count as a snapshot.
        ShardSnapshotStorage.PendingSnapshot crashed = storage.begin(TermIndex.valueOf(2, 400));
        Files.writeString(crashed.shardDirectory().resolve("state"), "half");

        ShardSnapshotStorage restarted = new ShardSnapshotStorage();
        restarted.init(stateMachineDirectory);

        assertThat(restarted.getLatestSnapshot().getTermIndex()).isEqualTo(TermIndex.valueOf(2, 250));
        assertThat(Files.readString(restarted.latestSnapshot().orElseThrow().shardDirectory().resolve("state")))
                .isEqualTo("b");
    }

    @Test
    void shippedFilesAreTheShardsFilesAndTheMarkerButNotChecksums() throws Exception {
        ShardSnapshotStorage storage = new ShardSnapshotStorage();
        storage.init(stateMachineDirectory);
        ShardSnapshotStorage.PendingSnapshot pending = storage.begin(TermIndex.valueOf(3, 7));
        Files.writeString(pending.shardDirectory().resolve("segment-1"), "rows");
        Files.createDirectories(pending.shardDirectory().resolve("nested"));
        Files.writeString(pending.shardDirectory().resolve("nested/segment-2"), "more rows");
        Files.writeString(pending.shardDirectory().resolve("segment-1.md5"), "checksum left by Ratis");
        pending.commit();

        assertThat(storage.getLatestSnapshot().getFiles())
                .extracting(FileInfo::getPath)
                .extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("SNAPSHOT", "segment-1", "segment-2");

        ShardSnapshotStorage.deleteChecksumFiles(storage.latestSnapshot().orElseThrow().shardDirectory());
        try (Stream<Path> files = Files.walk(storage.latestSnapshot().orElseThrow().directory())) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".md5"));
        }
    }

    @Test
    void cleanupKeepsTheRetainedNumberOfNewestSnapshotsAndDropsPartialOnes() throws Exception {
        ShardSnapshotStorage storage = new ShardSnapshotStorage();
        storage.init(stateMachineDirectory);
        for (long index = 1; index <= 4; index++) {
            write(storage, TermIndex.valueOf(1, index * 10), "s" + index);
        }
        storage.begin(TermIndex.valueOf(1, 50));

        storage.cleanupOldSnapshots(new SnapshotRetentionPolicy() {
            @Override
            public int getNumSnapshotsRetained() {
                return 2;
            }
        });

        try (Stream<Path> children = Files.list(stateMachineDirectory)) {
            assertThat(children.map(child -> child.getFileName().toString()))
                    .containsExactlyInAnyOrder("snapshot-1-30", "snapshot-1-40");
        }
        assertThat(storage.getLatestSnapshot().getTermIndex()).isEqualTo(TermIndex.valueOf(1, 40));
    }

    private static void write(ShardSnapshotStorage storage, TermIndex termIndex, String state) throws Exception {
        ShardSnapshotStorage.PendingSnapshot pending = storage.begin(termIndex);
        Files.writeString(pending.shardDirectory().resolve("state"), state);
        pending.commit();
    }
}
