package io.strata.tier.shard;

import com.google.protobuf.InvalidProtocolBufferException;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.core.model.SeriesKey;
import io.strata.internal.v1.Compact;
import io.strata.internal.v1.Expire;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.WriteBatchResult;
import io.strata.tier.journal.CommandJournal;
import io.strata.tier.journal.JournalPosition;
import io.strata.tier.magnetic.MagneticUsage;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.MemoryUsage;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.memory.TableReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard replica's storage: applies the commands of its Raft group to the memory store and the
 * magnetic tier, journals them, snapshots, and serves scans.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> {@link #apply}, {@link #snapshot}, {@link #installSnapshot} and
 *       {@link #close} are called by one thread at a time (the state machine's apply thread).
 *       {@link #scan}, {@link #memoryUsage} and {@link #statistics} may be called from any thread,
 *       concurrently with them.
 *   <li><b>Ordering:</b> commands are applied in strictly increasing Raft index. Every command is in
 *       the journal before {@link #apply} returns, even one whose application is refused
 *       (a refusal is deterministic, so a replay refuses it again).
 *   <li><b>Determinism:</b> apply reads nothing but the command and the state: every time decision
 *       uses the ingest time carried in the command. Replicas applying the same commands hold the
 *       same rows and return the same results.
 *   <li><b>Idempotence:</b> a command whose index is at or below {@link #lastAppliedIndex()} is not
 *       applied again. When it was replayed from the journal at open, {@link #apply} returns the
 *       result the replay produced (so a Raft re-apply after restart answers the same); otherwise
 *       an empty result.
 *   <li><b>Errors:</b> a {@link StrataException} from {@link #apply} (memory full, malformed
 *       settings) is a deterministic refusal of the whole command: nothing of it was applied, and
 *       its index counts as applied. Except an {@link ErrorCode#INTERNAL_SERVER} or
 *       {@link ErrorCode#SERVICE_UNAVAILABLE} one, or any other exception or error (a full disk, a
 *       {@code SIGBUS} on a memory-mapped file): that is a <em>failure</em> of this replica, not an
 *       answer every replica would give. The failed command's index does not count as applied, and
 *       the store refuses every later {@link #apply} and {@link #snapshot}: its memory may hold part
 *       of the command, so the only way on is to close it and {@link #open} it again, which
 *       rebuilds the state from the snapshot and the journal and lets Raft re-apply the rest.
 * </ul>
 *
 * <h2>Files</h2>
 * Under the data directory: {@code journal/} (the Chronicle command journal) and
 * {@code snapshot-<index>/} (the latest local snapshot: descriptor + memory image). Opening
 * rebuilds from the latest local snapshot plus the journal entries after its index.
 */
public final class ShardStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardStore.class);
    private static final String SNAPSHOT_PREFIX = "snapshot-";
    private static final String PARTIAL_SUFFIX = ".partial";

    private final ShardConfiguration configuration;
    private final MemoryStore memory;
    private final CommandJournal journal;
    private final WriteBatchApplier writes;
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    /** Results of the commands replayed at open, answered again when Raft re-applies them. */
    private final Map<Long, Object> replayedResults = new HashMap<>();
    private volatile long lastAppliedIndex = -1;
    private final ShardStatistics statistics = new ShardStatistics();
    /** Why an apply failed; once set, the store applies and snapshots nothing more (see the contract). */
    private volatile String failure;

    private ShardStore(ShardConfiguration configuration, CommandJournal journal) {
        this.configuration = configuration;
        this.memory = new MemoryStore(configuration.memoryLimitBytes());
        this.journal = journal;
        this.writes = new WriteBatchApplier(memory, configuration.layout(), configuration.magnetic());
    }

    /** Opens the replica's storage, rebuilding it from the latest local snapshot and the journal after it. */
    public static ShardStore open(ShardConfiguration configuration) throws IOException {
        Objects.requireNonNull(configuration, "configuration");
        Files.createDirectories(configuration.dataDirectory());
        CommandJournal journal = CommandJournal.open(configuration.journalConfiguration());
        ShardStore store = new ShardStore(configuration, journal);
        try {
            store.recover();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void recover() throws IOException {
        Optional<Path> snapshot = latestLocalSnapshot();
        if (snapshot.isPresent()) {
            SnapshotDescriptor descriptor = SnapshotDescriptor.readFrom(snapshot.get());
            loadImage(snapshot.get());
            // Finishes a snapshot install that crashed half way; a no-op when the tier is already there.
            restoreMagnetic(snapshot.get(), descriptor);
            lastAppliedIndex = descriptor.raftIndex();
        }
        long replayed = journal.replayFrom(lastAppliedIndex + 1, (raftIndex, bytes) -> {
            ShardCommand command;
            try {
                command = ShardCommand.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new InternalServerException("The journal entry at index " + raftIndex + " is unreadable: " + e, e);
            }
            Object result;
            try {
                result = applyCommand(raftIndex, command);
            } catch (StrataException refusal) {
                result = refusal;
            }
            replayedResults.put(raftIndex, result);
            lastAppliedIndex = raftIndex;
            publishStatistics(command);
        });
        statistics.publishAll(memory, magneticUsage());
        LOG.info("Shard in {} opened at index {} ({} journal entries replayed, {})", configuration.dataDirectory(),
                lastAppliedIndex, replayed, memoryUsage());
    }

    /** The index of the last command applied (-1 when none). */
    public long lastAppliedIndex() {
        return lastAppliedIndex;
    }

    public MemoryUsage memoryUsage() {
        stateLock.readLock().lock();
        try {
            return memory.usage();
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /**
     * Applies the serialized {@link ShardCommand} at {@code raftIndex}; the bytes are journaled as
     * given. Returns the serialized {@link WriteBatchResult} (empty for commands other than writes).
     */
    public byte[] apply(long raftIndex, byte[] command) {
        Objects.requireNonNull(command, "command");
        ShardCommand parsed;
        try {
            parsed = ShardCommand.parseFrom(command);
        } catch (InvalidProtocolBufferException e) {
            throw new ValidationException("The shard command at index " + raftIndex + " is not a ShardCommand: "
                    + e.getMessage());
        }
        return apply(raftIndex, parsed, command).toByteArray();
    }

    /** Applies {@code command} at {@code raftIndex}; see the class contract. */
    public WriteBatchResult apply(long raftIndex, ShardCommand command) {
        Objects.requireNonNull(command, "command");
        return apply(raftIndex, command, command.toByteArray());
    }

    private WriteBatchResult apply(long raftIndex, ShardCommand command, byte[] serialized) {
        if (raftIndex <= lastAppliedIndex) {
            Object replayed = replayedResults.remove(raftIndex);
            if (replayed instanceof StrataException refusal) {
                throw refusal;
            }
            return replayed instanceof WriteBatchResult result ? result : WriteBatchResult.getDefaultInstance();
        }
        if (!replayedResults.isEmpty()) {
            replayedResults.clear();
        }
        if (command.getCommandCase() == ShardCommand.CommandCase.COMMAND_NOT_SET) {
            // A newer version's command: halting beats diverging from replicas that understand it.
            throw new InternalServerException("The shard command at index " + raftIndex
                    + " is of a kind this version does not know; upgrade every replica.");
        }
        ensureNotFailed();
        try {
            journal.append(raftIndex, serialized);
            WriteBatchResult result = applyCommand(raftIndex, command);
            lastAppliedIndex = raftIndex;
            publishStatistics(command);
            return result;
        } catch (StrataException refusal) {
            if (isReplicaFailure(refusal)) {
                recordFailure(raftIndex, refusal);
            } else {
                lastAppliedIndex = raftIndex;
                publishStatistics(command);
            }
            throw refusal;
        } catch (RuntimeException | Error failure) {
            recordFailure(raftIndex, failure);
            throw failure;
        }
    }

    /**
     * Whether {@code exception} from an apply is this replica failing rather than a refusal every
     * replica gives: the store's own internal errors (an unknown command kind, a broken layout, a
     * magnetic tier that cannot write) are not answers to send a client and move on from. The same
     * rule as raft-node's {@code ReplicatedShard.isFailure}, which the state machine applies.
     */
    private static boolean isReplicaFailure(Throwable exception) {
        if (exception instanceof StrataException strata) {
            return strata.code() == ErrorCode.INTERNAL_SERVER || strata.code() == ErrorCode.SERVICE_UNAVAILABLE;
        }
        return true;
    }

    /** Why an apply of this store failed, if one did; the store must then be reopened. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void recordFailure(long raftIndex, Throwable cause) {
        failure = "applying index " + raftIndex + " failed: " + cause;
        LOG.error("Shard in {} failed to apply index {}; it applies nothing more until reopened (last applied {})",
                configuration.dataDirectory(), raftIndex, lastAppliedIndex, cause);
    }

    private void ensureNotFailed() {
        String reason = failure;
        if (reason != null) {
            throw new InternalServerException("The shard in " + configuration.dataDirectory()
                    + " must be reopened: " + reason);
        }
    }

    /** Sizes and ages for operators, read from any thread; brought up to date after every command. */
    public ShardStatistics statistics() {
        return statistics;
    }

    private void publishStatistics(ShardCommand command) {
        switch (command.getCommandCase()) {
            case WRITE_BATCH -> statistics.publish(memory, magneticUsage(), command.getWriteBatch().getTableId(),
                    command.getWriteBatch().getSettings().getMemoryStoreRetentionHours());
            case SEAL -> statistics.publish(memory, magneticUsage(), command.getSeal().getPartition().getTableId(), 0);
            case EXPIRE -> statistics.publish(memory, magneticUsage(), command.getExpire().getPartition().getTableId(), 0);
            default -> statistics.publish(memory, magneticUsage(), null, 0);
        }
    }

    private MagneticUsage magneticUsage() {
        Optional<MagneticTier> magnetic = configuration.magnetic();
        return magnetic.isPresent() ? magnetic.get().usage() : MagneticUsage.EMPTY;
    }

    private WriteBatchResult applyCommand(long raftIndex, ShardCommand command) {
        return switch (command.getCommandCase()) {
            case WRITE_BATCH -> writes.apply(raftIndex, command.getWriteBatch(), stateLock.writeLock());
            case SEAL -> {
                seal(raftIndex, command.getSeal());
                yield WriteBatchResult.getDefaultInstance();
            }
            case EXPIRE -> {
                expire(raftIndex, command.getExpire());
                yield WriteBatchResult.getDefaultInstance();
            }
            case COMPACT -> {
                compact(raftIndex, command.getCompact());
                yield WriteBatchResult.getDefaultInstance();
            }
            case COMMAND_NOT_SET -> throw new InternalServerException("The shard command at index " + raftIndex
                    + " is of a kind this version does not know; upgrade every replica.");
        };
    }

    private void seal(long raftIndex, Seal seal) {
        Optional<MagneticTier> magnetic = configuration.magnetic();
        if (magnetic.isEmpty()) {
            LOG.warn("Seal at index {} kept its rows in memory: no magnetic tier is wired", raftIndex);
            return;
        }
        PartitionId partition = seal.getPartition();
        long[] range = partitionRange(partition, seal.getUpToNanos());
        List<SeriesRows> rows = memory.copyRange(partition.getTableId(), partition.getKeyBucket(), range[0], range[1]);
        if (rows.isEmpty()) {
            return;
        }
        // The segment is written outside the lock (only this thread changes state); readers switch
        // from the memory rows to the segment in one step below.
        PendingSegment segment = raftIndex > magnetic.get().appliedIndex()
                ? magnetic.get().writeSegment(raftIndex, partition, rows)
                : PendingSegment.NOTHING;
        stateLock.writeLock().lock();
        try {
            segment.publish();
            memory.removeRange(partition.getTableId(), partition.getKeyBucket(), range[0], range[1]);
        } finally {
            stateLock.writeLock().unlock();
        }
    }

    private void expire(long raftIndex, Expire expire) {
        PartitionId partition = expire.getPartition();
        long[] range = partitionRange(partition, expire.getBeforeNanos());
        stateLock.writeLock().lock();
        try {
            memory.removeRange(partition.getTableId(), partition.getKeyBucket(), range[0], range[1]);
        } finally {
            stateLock.writeLock().unlock();
        }
        configuration.magnetic().ifPresent(magnetic -> {
            if (raftIndex > magnetic.appliedIndex()) {
                magnetic.expire(raftIndex, partition, expire.getBeforeNanos());
            }
        });
    }

    private void compact(long raftIndex, Compact compact) {
        if (compact.getTargetSegmentBytes() <= 0) {
            throw new ValidationException("Compact needs a positive target segment size, got "
                    + compact.getTargetSegmentBytes() + ".");
        }
        configuration.magnetic().ifPresent(magnetic -> {
            if (raftIndex > magnetic.appliedIndex()) {
                magnetic.compact(raftIndex, compact.getPartition(), compact.getTargetSegmentBytes());
            }
        });
    }

    /** {@code [slot start, min(slot end, upTo))} of the partition, saturating at the ends of time. */
    private long[] partitionRange(PartitionId partition, long upToNanos) {
        TableReference table = new TableReference(partition.getDatabaseName(), partition.getTableName(),
                partition.getTableId());
        long width = configuration.layout().slotWidthNanos(table);
        if (width <= 0) {
            throw new InternalServerException("The partition layout gives table " + table + " a slot width of " + width);
        }
        long start;
        long end;
        try {
            start = Math.multiplyExact(partition.getTimeSlot(), width);
        } catch (ArithmeticException overflow) {
            start = partition.getTimeSlot() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        try {
            end = Math.addExact(start, width);
        } catch (ArithmeticException overflow) {
            end = Long.MAX_VALUE;
        }
        return new long[] {start, Math.max(start, Math.min(end, upToNanos))};
    }

    /** Starts a scan; see {@link ShardScan} for what it sees while commands keep applying. */
    public ShardScan scan(ScanRequest request) {
        Objects.requireNonNull(request, "request");
        List<SeriesKey> keys = new ArrayList<>();
        List<MemoryStore.SeriesHandle> handles = new ArrayList<>();
        stateLock.readLock().lock();
        try {
            List<MemoryStore.SeriesHandle> inMemory =
                    memory.matching(request.tableId(), request.dimensionValues(), request.measureNames());
            MagneticView view = configuration.magnetic().map(MagneticTier::view).orElse(null);
            List<SeriesKey> inMagnetic = view == null
                    ? List.of()
                    : view.series(request.tableId(), request.dimensionValues(), request.measureNames());
            int memoryIndex = 0;
            int magneticIndex = 0;
            while (memoryIndex < inMemory.size() || magneticIndex < inMagnetic.size()) {
                int order = memoryIndex >= inMemory.size() ? 1
                        : magneticIndex >= inMagnetic.size() ? -1
                        : inMemory.get(memoryIndex).key().compareTo(inMagnetic.get(magneticIndex));
                if (order <= 0) {
                    keys.add(inMemory.get(memoryIndex).key());
                    handles.add(inMemory.get(memoryIndex++));
                    if (order == 0) {
                        magneticIndex++;
                    }
                } else {
                    keys.add(inMagnetic.get(magneticIndex++));
                    handles.add(null);
                }
            }
        } finally {
            stateLock.readLock().unlock();
        }
        return new ShardScan(request, stateLock.readLock(),
                () -> configuration.magnetic().map(MagneticTier::view).orElse(null), keys, handles);
    }

    /**
     * Writes the state as of {@code index} into the empty directory {@code directory}, keeps it as
     * the local snapshot and drops the journal files it makes unnecessary. The snapshot is the
     * magnetic manifest reference plus an image of the memory store (its cost grows with the memory
     * store, which is bounded).
     *
     * <p>{@code index} is at least {@link #lastAppliedIndex()}. It may be above it: a Raft log also
     * holds entries that are no shard command (leader no-ops, configuration changes), and the
     * caller vouches that none between the last applied command and {@code index} was one; the
     * shard then counts {@code index} as applied.
     */
    public void snapshot(long index, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        ensureNotFailed();
        if (index < lastAppliedIndex || index < 0) {
            throw new IllegalStateException("Cannot snapshot index " + index + ": the shard is at " + lastAppliedIndex);
        }
        lastAppliedIndex = index;
        Path local = configuration.dataDirectory().resolve(SNAPSHOT_PREFIX + index);
        if (!SnapshotDescriptor.isSnapshot(local)) {
            Path partial = configuration.dataDirectory().resolve(SNAPSHOT_PREFIX + index + PARTIAL_SUFFIX);
            deleteRecursively(partial);
            Files.createDirectories(partial);
            MemoryImage.write(memory, partial.resolve(SnapshotDescriptor.IMAGE_FILE_NAME));
            String manifest = configuration.magnetic().map(MagneticTier::manifestReference).orElse("");
            if (configuration.magnetic().isPresent()) {
                Path magneticFiles = partial.resolve(SnapshotDescriptor.MAGNETIC_DIRECTORY);
                Files.createDirectories(magneticFiles);
                configuration.magnetic().get().exportTo(magneticFiles);
            }
            new SnapshotDescriptor(index, manifest).writeTo(partial);
            deleteRecursively(local);
            Files.move(partial, local, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(directory);
        linkOrCopy(local, directory);
        deleteLocalSnapshotsExcept(local);
        Optional<JournalPosition> position = journal.lastPosition();
        position.ifPresent(journal::dropCyclesBefore);
    }

    /**
     * Replaces the state by the snapshot in {@code directory} (written by {@link #snapshot} here or
     * on another replica) unless this replica already holds that index or a later one: Raft hands
     * its latest snapshot back on every restart, and the journal may already have taken the state
     * further.
     */
    public void installSnapshot(Path directory) throws IOException {
        SnapshotDescriptor descriptor = SnapshotDescriptor.readFrom(directory);
        if (descriptor.raftIndex() <= lastAppliedIndex) {
            LOG.info("Snapshot at {} not installed: the shard is already at {}", descriptor.raftIndex(),
                    lastAppliedIndex);
            return;
        }
        Path local = configuration.dataDirectory().resolve(SNAPSHOT_PREFIX + descriptor.raftIndex());
        Path partial = configuration.dataDirectory().resolve(SNAPSHOT_PREFIX + descriptor.raftIndex() + PARTIAL_SUFFIX);
        deleteRecursively(partial);
        Files.createDirectories(partial);
        linkOrCopy(directory, partial);
        deleteRecursively(local);
        Files.move(partial, local, StandardCopyOption.ATOMIC_MOVE);
        stateLock.writeLock().lock();
        try {
            memory.clear();
            loadImage(local);
            restoreMagnetic(local, descriptor);
            replayedResults.clear();
            lastAppliedIndex = descriptor.raftIndex();
        } finally {
            stateLock.writeLock().unlock();
        }
        statistics.publishAll(memory, magneticUsage());
        deleteLocalSnapshotsExcept(local);
    }

    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            configuration.magnetic().ifPresent(MagneticTier::close);
        }
    }

    private void restoreMagnetic(Path snapshot, SnapshotDescriptor descriptor) {
        if (descriptor.magneticManifest().isEmpty()) {
            return;
        }
        configuration.magnetic().ifPresent(magnetic -> magnetic.restore(
                snapshot.resolve(SnapshotDescriptor.MAGNETIC_DIRECTORY), descriptor.magneticManifest()));
    }

    private void loadImage(Path snapshot) throws IOException {
        MemoryImage.read(snapshot.resolve(SnapshotDescriptor.IMAGE_FILE_NAME), (table, record) ->
                memory.upsert(table, record, series -> configuration.layout().keyBucket(table, series)));
    }

    private Optional<Path> latestLocalSnapshot() throws IOException {
        try (Stream<Path> entries = Files.list(configuration.dataDirectory())) {
            return entries.filter(path -> path.getFileName().toString().startsWith(SNAPSHOT_PREFIX))
                    .filter(path -> !path.getFileName().toString().endsWith(PARTIAL_SUFFIX))
                    .filter(SnapshotDescriptor::isSnapshot)
                    .max(Comparator.comparingLong(ShardStore::snapshotIndex));
        }
    }

    private void deleteLocalSnapshotsExcept(Path keep) throws IOException {
        List<Path> others;
        try (Stream<Path> entries = Files.list(configuration.dataDirectory())) {
            others = entries.filter(path -> path.getFileName().toString().startsWith(SNAPSHOT_PREFIX))
                    .filter(path -> !path.equals(keep)).toList();
        }
        for (Path other : others) {
            deleteRecursively(other);
        }
    }

    private static long snapshotIndex(Path directory) {
        return Long.parseLong(directory.getFileName().toString().substring(SNAPSHOT_PREFIX.length()));
    }

    /**
     * Snapshot files never change once written, so a hard link is as good as a copy and costs
     * nothing. Copies the memory image, the descriptor and the magnetic files (a tree).
     */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(ShardStore::isSnapshotFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, file);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, target);
            }
        }
    }

    /** Ratis leaves a checksum file beside every file it receives; those are not the shard's. */
    private static boolean isSnapshotFile(Path file) {
        return !file.getFileName().toString().endsWith(".md5");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
