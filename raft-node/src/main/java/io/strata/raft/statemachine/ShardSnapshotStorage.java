package io.strata.raft.statemachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * The snapshots of one group's replica, in the group's state machine directory ({@code sm/}):
 * one directory {@code snapshot-<term>-<index>} per snapshot, holding the shard's files under
 * {@code shard/} and a {@code SNAPSHOT} marker (Ratis cannot ship a snapshot without files).
 *
 * <p>A snapshot is written under a {@code .partial} name and renamed when complete, so a crash
 * never leaves a half snapshot under a valid name. Ratis ships the files of the latest snapshot to
 * a lagging follower by their path relative to the group directory and, on the follower, replaces
 * the whole {@code sm/} directory with them; {@link #reload()} then finds the received snapshot.
 * Ratis leaves an {@code .md5} file beside every received file; those are not part of a snapshot.
 *
 * <p>Called by the state machine's apply thread and by Ratis's snapshot sender; the latest
 * snapshot is published atomically.
 */
final class ShardSnapshotStorage implements StateMachineStorage {
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d+)-(\\d+)");
    private static final String PARTIAL = ".partial";
    private static final String MARKER = "SNAPSHOT";
    private static final String SHARD_DIRECTORY = "shard";
    static final String CHECKSUM_SUFFIX = ".md5";

    private final AtomicReference<ShardSnapshot> latest = new AtomicReference<>();
    private volatile Path stateMachineDirectory;

    /** One complete snapshot on disk. */
    record ShardSnapshot(TermIndex termIndex, Path directory, SnapshotInfo info) {
        Path shardDirectory() {
            return directory.resolve(SHARD_DIRECTORY);
        }
    }

    /** A snapshot being written; {@link #commit()} publishes it. */
    final class PendingSnapshot {
        private final TermIndex termIndex;
        private final Path partialDirectory;

        private PendingSnapshot(TermIndex termIndex, Path partialDirectory) {
            this.termIndex = termIndex;
            this.partialDirectory = partialDirectory;
        }

        Path shardDirectory() {
            return partialDirectory.resolve(SHARD_DIRECTORY);
        }

        ShardSnapshot commit() throws IOException {
            Files.writeString(partialDirectory.resolve(MARKER),
                    "term=" + termIndex.getTerm() + "\nindex=" + termIndex.getIndex() + "\n", StandardCharsets.UTF_8);
            Path complete = stateMachineDirectory.resolve(directoryName(termIndex));
            Files.move(partialDirectory, complete, StandardCopyOption.ATOMIC_MOVE);
            ShardSnapshot snapshot = describe(termIndex, complete);
            latest.set(snapshot);
            return snapshot;
        }
    }

    @Override
    public void init(RaftStorage raftStorage) throws IOException {
        init(raftStorage.getStorageDir().getStateMachineDir().toPath());
    }

    void init(Path directory) throws IOException {
        stateMachineDirectory = directory;
        reload();
    }

    /** Rescans the directory: after a restart, or after Ratis installed a snapshot from the leader. */
    void reload() throws IOException {
        Files.createDirectories(stateMachineDirectory);
        latest.set(findLatest().orElse(null));
    }

    Optional<ShardSnapshot> latestSnapshot() {
        return Optional.ofNullable(latest.get());
    }

    PendingSnapshot begin(TermIndex termIndex) throws IOException {
        Path partial = stateMachineDirectory.resolve(directoryName(termIndex) + PARTIAL);
        deleteRecursively(partial);
        Files.createDirectories(partial.resolve(SHARD_DIRECTORY));
        return new PendingSnapshot(termIndex, partial);
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        ShardSnapshot snapshot = latest.get();
        return snapshot == null ? null : snapshot.info();
    }

    @Override
    public void format() throws IOException {
        Files.createDirectories(stateMachineDirectory);
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        int retained = policy.getNumSnapshotsRetained();
        ShardSnapshot current = latest.get();
        List<Path> complete = new ArrayList<>();
        try (Stream<Path> children = Files.list(stateMachineDirectory)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.endsWith(PARTIAL)) {
                    deleteRecursively(child); // left by a crash: cleanup runs on the thread that writes snapshots
                } else if (NAME.matcher(name).matches()) {
                    complete.add(child);
                }
            }
        }
        if (retained <= 0) {
            return;
        }
        complete.sort(Comparator.comparing(ShardSnapshotStorage::termIndexOf).reversed());
        for (Path old : complete.subList(Math.min(retained, complete.size()), complete.size())) {
            if (current == null || !old.equals(current.directory())) {
                deleteRecursively(old);
            }
        }
    }

    /** Deletes Ratis's checksum files so the shard sees only its own files. */
    static void deleteChecksumFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(ShardSnapshotStorage::isChecksum).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Optional<ShardSnapshot> findLatest() throws IOException {
        try (Stream<Path> children = Files.list(stateMachineDirectory)) {
            return children
                    .filter(child -> NAME.matcher(child.getFileName().toString()).matches())
                    .filter(child -> Files.isRegularFile(child.resolve(MARKER)))
                    .max(Comparator.comparing(ShardSnapshotStorage::termIndexOf))
                    .map(child -> describe(termIndexOf(child), child));
        }
    }

    private static ShardSnapshot describe(TermIndex termIndex, Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<FileInfo> infos = files
                    .filter(Files::isRegularFile)
                    .filter(file -> !isChecksum(file))
                    .sorted()
                    .map(file -> new FileInfo(file.toAbsolutePath(), null))
                    .toList();
            return new ShardSnapshot(termIndex, directory, new FileListSnapshotInfo(infos, termIndex));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot " + directory, e);
        }
    }

    private static boolean isChecksum(Path file) {
        return file.getFileName().toString().endsWith(CHECKSUM_SUFFIX);
    }

    private static String directoryName(TermIndex termIndex) {
        return "snapshot-" + termIndex.getTerm() + "-" + termIndex.getIndex();
    }

    private static TermIndex termIndexOf(Path directory) {
        Matcher matcher = NAME.matcher(directory.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a snapshot directory: " + directory);
        }
        return TermIndex.valueOf(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
