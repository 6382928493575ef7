package io.strata.tier.journal;

import io.strata.core.error.InternalServerException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The memory store's journal: the commands a shard replica applied, each with its Raft index, in a
 * Chronicle Queue on local disk. A restart replays the journal instead of the Raft log, so the Raft
 * log can be purged after each snapshot; the snapshot records {@link #lastPosition()} and, once it is
 * durable, {@link #dropCyclesBefore} keeps the journal bounded.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Threading:</b> one writer — the state machine's apply thread — calls {@link #append},
 *       {@link #sync} and {@link #dropCyclesBefore}; they are serialized internally, so a stray second
 *       thread cannot corrupt the queue, but the order of Raft indexes is the writer's to keep. Any
 *       number of threads may {@link #replayFrom replay} at the same time as the writer appends; a
 *       replay delivers the entries present when it reaches them and stops at the current end.
 *   <li><b>Ordering:</b> entries are stored and replayed in append order, which is strictly
 *       increasing Raft index (gaps allowed: not every log entry carries a journaled command). Replay
 *       is deterministic: the same journal always yields the same entries in the same order; the
 *       {@link JournalConfiguration#clock() clock} only decides file names.
 *   <li><b>Idempotence:</b> an append whose Raft index is not above {@link #lastIndex()} is
 *       <em>ignored</em> and {@link #append} returns {@code false}. After a restart Ratis re-applies
 *       log entries from the last snapshot on; those already in the journal are skipped, so re-applying
 *       a prefix never duplicates a command. The content is not compared: a committed Raft entry
 *       never changes.
 *   <li><b>Durability:</b> {@link #append} returns once the entry is in the queue's memory-mapped
 *       file, i.e. in the operating system's page cache. That survives the process being killed
 *       ({@code kill -9}, OOM) — a restarted process replays every entry whose append returned — but
 *       not a power loss or kernel crash, unless {@link #sync()} returned after it. Raft's own log on
 *       a quorum covers the window between syncs.
 * </ul>
 */
public final class CommandJournal implements AutoCloseable {
    private final JournalConfiguration configuration;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Object writeLock = new Object();
    private volatile JournalPosition last;
    private volatile boolean closed;

    private CommandJournal(JournalConfiguration configuration, SingleChronicleQueue queue) {
        this.configuration = configuration;
        this.queue = queue;
        this.last = findLastEntry(queue);
        this.appender = queue.createAppender();
        // Appends are serialized by writeLock, which is what Chronicle's owner-thread check stands for.
        this.appender.singleThreadedCheckDisabled(true);
    }

    /** Opens the journal in {@code configuration.directory()}, creating it if absent. */
    public static CommandJournal open(JournalConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        SingleChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(configuration.directory())
                    .rollCycle(configuration.rollCycle())
                    .timeProvider(new ClockTimeProvider(configuration.clock()))
                    .build();
        } catch (RuntimeException e) {
            throw new InternalServerException("Cannot open the command journal in " + configuration.directory()
                    + ": " + e, e);
        }
        try {
            return new CommandJournal(configuration, queue);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Appends {@code command} under {@code raftIndex}.
     *
     * @return {@code true} if appended; {@code false} if ignored because {@code raftIndex} is not above
     *     {@link #lastIndex()} (already journaled)
     */
    public boolean append(long raftIndex, byte[] command) {
        Objects.requireNonNull(command, "command");
        return append(raftIndex, command, 0, command.length);
    }

    /** Appends {@code length} bytes of {@code command} from {@code offset}; see {@link #append(long, byte[])}. */
    public boolean append(long raftIndex, byte[] command, int offset, int length) {
        Objects.requireNonNull(command, "command");
        Objects.checkFromIndexSize(offset, length, command.length);
        return appendCommand(raftIndex, command, offset, length, null);
    }

    /**
     * Appends the remaining bytes of {@code command} (its position is left unchanged); see
     * {@link #append(long, byte[])}.
     */
    public boolean append(long raftIndex, ByteBuffer command) {
        Objects.requireNonNull(command, "command");
        if (command.hasArray()) {
            return appendCommand(raftIndex, command.array(), command.arrayOffset() + command.position(),
                    command.remaining(), null);
        }
        return appendCommand(raftIndex, null, 0, 0, command);
    }

    /** The Raft index of the last entry, or {@code -1} if the journal is empty. */
    public long lastIndex() {
        JournalPosition current = last;
        return current == null ? -1 : current.raftIndex();
    }

    /** Where the last entry is: what a snapshot records. Empty if the journal is empty. */
    public Optional<JournalPosition> lastPosition() {
        return Optional.ofNullable(last);
    }

    /**
     * Delivers, in order, every entry whose Raft index is {@code fromRaftIndex} or above, and returns
     * how many. Scans from the oldest cycle still on disk; entries below {@code fromRaftIndex} are
     * read and skipped, which stays cheap because {@link #dropCyclesBefore} keeps the journal short.
     */
    public long replayFrom(long fromRaftIndex, JournalEntryConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            return deliver(tailer, fromRaftIndex, consumer);
        }
    }

    /**
     * Delivers, in order, the entry at {@code position} and every later one, and returns how many.
     *
     * @throws InternalServerException the journal does not hold {@code position} (its cycle was
     *     dropped, or the position comes from another journal)
     */
    public long replayFrom(JournalPosition position, JournalEntryConsumer consumer) {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(position.queueIndex()) || !holdsEntry(tailer, position)) {
                throw new InternalServerException("The command journal in " + configuration.directory()
                        + " does not hold " + position + "; it holds Raft indexes up to " + lastIndex() + ".");
            }
            return deliver(tailer, position.raftIndex(), consumer);
        }
    }

    /**
     * Deletes the cycle files that hold only entries older than {@code position}'s cycle: call it
     * after a snapshot that covers {@code position} is durable. The cycle holding {@code position}
     * and every later one are kept, so replaying from {@code position} still works. A replay running
     * over the dropped cycles at the same time may stop early.
     *
     * @return how many cycle files were deleted
     */
    public int dropCyclesBefore(JournalPosition position) {
        Objects.requireNonNull(position, "position");
        synchronized (writeLock) {
            ensureOpen();
            int keepFromCycle = queue.rollCycle().toCycle(position.queueIndex());
            JournalPosition current = last;
            if (current != null) {
                keepFromCycle = Math.min(keepFromCycle, queue.rollCycle().toCycle(current.queueIndex()));
            }
            File directory = queue.file();
            String suffix = SingleChronicleQueue.SUFFIX;
            RollingResourcesCache cycleNames = new RollingResourcesCache(queue.rollCycle(), queue.epoch(),
                    name -> new File(directory, name + suffix),
                    file -> file.getName().substring(0, file.getName().length() - suffix.length()));
            File[] cycleFiles = directory.listFiles((dir, name) -> name.endsWith(suffix));
            int dropped = 0;
            if (cycleFiles != null) {
                for (File file : cycleFiles) {
                    if (cycleNames.toLong(file) < keepFromCycle) {
                        deleteCycleFile(file);
                        dropped++;
                    }
                }
            }
            if (dropped > 0) {
                queue.refreshDirectoryListing();
            }
            return dropped;
        }
    }

    /**
     * Forces the current cycle file to the storage device ({@code msync}): after it returns, every
     * entry appended before survives a power loss, not just a process crash.
     */
    public void sync() {
        synchronized (writeLock) {
            ensureOpen();
            appender.sync();
        }
    }

    public JournalConfiguration configuration() {
        return configuration;
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                appender.close();
            } finally {
                queue.close();
            }
        }
    }

    private boolean appendCommand(long raftIndex, byte[] array, int offset, int length, ByteBuffer direct) {
        if (raftIndex < 0) {
            throw new IllegalArgumentException("raftIndex must be >= 0, was " + raftIndex);
        }
        synchronized (writeLock) {
            ensureOpen();
            if (raftIndex <= lastIndex()) {
                return false;
            }
            DocumentContext document = appender.writingDocument();
            try {
                Bytes<?> bytes = document.wire().bytes();
                bytes.writeLong(raftIndex);
                if (array != null) {
                    bytes.write(array, offset, length);
                } else {
                    ByteBuffer source = direct.duplicate();
                    while (source.hasRemaining()) {
                        int before = source.remaining();
                        bytes.writeSome(source);
                        if (source.remaining() == before) {
                            throw new IllegalStateException("The journal cannot take a command of "
                                    + direct.remaining() + " bytes at index " + raftIndex + ".");
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                document.rollbackOnClose();
                throw e;
            } finally {
                document.close();
            }
            last = new JournalPosition(raftIndex, appender.lastIndexAppended());
            return true;
        }
    }

    /** Reads from the tailer's position to the current end; the buffers are allocated once per replay. */
    private static long deliver(ExcerptTailer tailer, long fromRaftIndex, JournalEntryConsumer consumer) {
        byte[] scratch = new byte[256];
        ByteBuffer view = ByteBuffer.wrap(scratch).asReadOnlyBuffer();
        long delivered = 0;
        while (true) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return delivered;
                }
                Bytes<?> bytes = document.wire().bytes();
                long raftIndex = bytes.readLong();
                if (raftIndex < fromRaftIndex) {
                    continue;
                }
                int length = Math.toIntExact(bytes.readRemaining());
                if (length > scratch.length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                    view = ByteBuffer.wrap(scratch).asReadOnlyBuffer();
                }
                bytes.read(scratch, 0, length);
                view.clear().limit(length);
                consumer.accept(raftIndex, view);
                delivered++;
            }
        }
    }

    /** Whether the excerpt under the tailer is the one {@code position} names; leaves the tailer there. */
    private static boolean holdsEntry(ExcerptTailer tailer, JournalPosition position) {
        long raftIndex;
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return false;
            }
            raftIndex = document.wire().bytes().readLong();
        }
        return raftIndex == position.raftIndex() && tailer.moveToIndex(position.queueIndex());
    }

    /**
     * The backward tailer finds the end through the write position Chronicle keeps in the cycle's
     * header, which a process killed between writing an excerpt and updating that position could
     * leave behind. Reading forward from there to the first absent excerpt costs a read or two and
     * makes sure no complete entry is missed: missing one would let the next append reuse its index.
     */
    private static JournalPosition findLastEntry(SingleChronicleQueue queue) {
        JournalPosition recorded;
        try (ExcerptTailer backward = queue.createTailer()) {
            backward.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext document = backward.readingDocument()) {
                recorded = document.isPresent()
                        ? new JournalPosition(document.wire().bytes().readLong(), document.index())
                        : null;
            }
        }
        try (ExcerptTailer forward = queue.createTailer()) {
            if (recorded == null) {
                forward.toStart();
            } else if (!forward.moveToIndex(recorded.queueIndex())) {
                throw new InternalServerException("The command journal in " + queue.file()
                        + " cannot move to its own last entry " + recorded + ".");
            }
            JournalPosition last = recorded;
            while (true) {
                try (DocumentContext document = forward.readingDocument()) {
                    if (!document.isPresent()) {
                        return last;
                    }
                    last = new JournalPosition(document.wire().bytes().readLong(), document.index());
                }
            }
        }
    }

    private void deleteCycleFile(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new InternalServerException("Cannot delete journal cycle file " + file + ": " + e, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The command journal in " + configuration.directory() + " is closed.");
        }
    }
}
