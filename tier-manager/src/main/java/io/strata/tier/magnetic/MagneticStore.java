package io.strata.tier.magnetic;

import io.strata.core.error.InternalServerException;
import io.strata.core.model.SeriesKey;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentReader;
import io.strata.tier.segment.SegmentWriter;
import io.strata.tier.segment.TimeRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The magnetic tier of one shard: per partition, immutable segments on a {@link BlobStore} listed
 * by a manifest that is replaced atomically (one put of {@code <partition>/manifest}).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Determinism:</b> {@link #addSegment}, {@link #compact} and {@link #expire} derive every
 *       key from the partition and the Raft index the caller passes and never read a clock or a
 *       random source, so replicas applying the same commands write byte-identical segments and
 *       manifests.
 *   <li><b>Idempotence:</b> a change whose Raft index is at or below the manifest's
 *       {@link Manifest#raftIndex()} has been applied already and is a no-op (journal replay).
 *   <li><b>Threading:</b> thread-safe. Changes to one partition are serialized (Raft applies them
 *       in order anyway); scans run concurrently with them and with each other.
 *   <li><b>Ordering and atomicity:</b> a change first stores its new segments, then swaps the
 *       manifest. A crash in between leaves the old manifest in force; the orphan segments are
 *       deleted when the partition is next opened. A scan sees exactly the manifest it started
 *       with; segments retired by a later change are deleted only once no scan uses them.
 *   <li><b>Ownership:</b> the store assumes it alone writes under {@code magnetic/} of its
 *       {@link BlobStore} (one prefix per replica): opening a partition deletes what its manifest
 *       does not reference.
 * </ul>
 */
public final class MagneticStore {
    private final BlobStore store;
    private final MagneticStoreOptions options;
    private final ConcurrentHashMap<PartitionId, PartitionState> partitions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<BlobKey, SegmentReader> readers = new ConcurrentHashMap<>();
    private volatile boolean discovered;
    /** Totals over the manifests in force of the partitions opened so far; moved at each swap. */
    private final AtomicLong liveSegments = new AtomicLong();
    private final AtomicLong liveBytes = new AtomicLong();

    public MagneticStore(BlobStore store) {
        this(store, MagneticStoreOptions.DEFAULT);
    }

    public MagneticStore(BlobStore store, MagneticStoreOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The partition's current manifest ({@link Manifest#EMPTY} if it has none). */
    public Manifest manifest(PartitionId partition) {
        return state(partition).manifest;
    }

    /**
     * Stores a segment written by a seal or a late write as a level-0 segment and publishes it.
     * An empty segment changes nothing.
     *
     * @return the manifest in force afterwards
     */
    public Manifest addSegment(PartitionId partition, long raftIndex, EncodedSegment segment) {
        stageSegment(partition, raftIndex, segment).run();
        return manifest(partition);
    }

    /**
     * The first half of {@link #addSegment}: stores the segment and the new manifest durably but
     * keeps serving the old manifest until the returned action runs (a quick in-memory switch that
     * cannot fail), so that a caller can make the rows visible here in the same step as it drops
     * them elsewhere. Run the action before the next change to this partition. A crash before the
     * action leaves the new manifest in force when the partition is opened again.
     */
    public Runnable stageSegment(PartitionId partition, long raftIndex, EncodedSegment segment) {
        PartitionState state = state(partition);
        state.writeLock.lock();
        try {
            Manifest current = state.manifest;
            if (raftIndex <= current.raftIndex() || segment.isEmpty()) {
                return () -> { };
            }
            BlobKey key = partition.segmentKey(raftIndex, "s", 0);
            store.put(key, segment.bytes());
            List<SegmentDescriptor> segments = new ArrayList<>(current.segments());
            segments.add(new SegmentDescriptor(key.value(), segment.minTime(), segment.maxTime(), segment.rowCount(),
                    segment.sizeBytes(), 0, raftIndex));
            Manifest next = current.next(raftIndex, segments);
            options.beforeManifestSwap().accept(next);
            store.put(partition.manifestKey(), ManifestCodec.encode(next));
            return () -> {
                state.swap(next, List.of());
                account(current, next);
            };
        } finally {
            state.writeLock.unlock();
        }
    }

    /**
     * Every partition with a manifest in the blob store or changed through this store, sorted by
     * table id, time slot and key bucket.
     */
    public List<PartitionId> partitions() {
        discover();
        List<PartitionId> all = new ArrayList<>(partitions.keySet());
        all.sort(PartitionId.ORDER);
        return all;
    }

    /**
     * The series of the partition's current segments that {@code filter} accepts, from the
     * segments' footers (no block is read), in ascending key order.
     */
    public java.util.SortedSet<SeriesKey> series(PartitionId partition, Predicate<SeriesKey> filter) {
        PartitionState state = state(partition);
        Manifest manifest = state.pin();
        try {
            java.util.TreeSet<SeriesKey> keys = new java.util.TreeSet<>();
            for (SegmentDescriptor segment : manifest.segments()) {
                for (io.strata.tier.segment.SeriesEntry entry : reader(BlobKey.of(segment.key())).series(filter)) {
                    keys.add(entry.series());
                }
            }
            return keys;
        } finally {
            release(state, manifest.generation());
        }
    }

    /**
     * The objects that make up the partition's current state: its manifest (when it has one) and
     * every segment the manifest lists. What a snapshot must carry to rebuild the partition.
     */
    public List<BlobKey> liveKeys(PartitionId partition) {
        Manifest manifest = manifest(partition);
        List<BlobKey> keys = new ArrayList<>(manifest.segments().size() + 1);
        if (manifest.generation() > 0) {
            keys.add(partition.manifestKey());
        }
        manifest.segments().forEach(segment -> keys.add(BlobKey.of(segment.key())));
        return keys;
    }

    /**
     * Rows of the partition in {@code range} of the series {@code seriesFilter} accepts, with the
     * projected value columns, merged across segments (newest version wins). Close the scan.
     */
    public MagneticScan scan(PartitionId partition, TimeRange range, Predicate<SeriesKey> seriesFilter,
            Projection projection) {
        PartitionState state = state(partition);
        Manifest manifest = state.pin();
        try {
            List<SegmentReader> overlapping = new ArrayList<>();
            for (SegmentDescriptor segment : manifest.segments()) {
                if (segment.overlaps(range)) {
                    overlapping.add(reader(BlobKey.of(segment.key())));
                }
            }
            return new MagneticScan(manifest, overlapping, range, seriesFilter, projection, options.scanBatchRows(),
                    () -> release(state, manifest.generation()));
        } catch (RuntimeException e) {
            release(state, manifest.generation());
            throw e;
        }
    }

    /**
     * Merges runs of consecutive (in sequence order) segments smaller than {@code targetBytes}
     * into segments of about {@code targetBytes}, keeping the newest version of every record once,
     * and swaps the manifest. The inputs are deleted once no scan reads them.
     *
     * @return the manifest in force afterwards (unchanged when nothing was small enough to merge)
     */
    public Manifest compact(PartitionId partition, long targetBytes, long raftIndex) {
        if (targetBytes < 1) {
            throw new IllegalArgumentException("targetBytes must be >= 1: " + targetBytes);
        }
        PartitionState state = state(partition);
        state.writeLock.lock();
        try {
            Manifest current = state.manifest;
            if (raftIndex <= current.raftIndex()) {
                return current;
            }
            List<List<SegmentDescriptor>> runs = CompactionPlan.smallSegmentRuns(current.segments(), targetBytes);
            if (runs.isEmpty()) {
                return current;
            }
            Set<SegmentDescriptor> inputs = new HashSet<>();
            List<SegmentDescriptor> outputs = new ArrayList<>();
            int number = 0;
            for (List<SegmentDescriptor> run : runs) {
                inputs.addAll(run);
                int level = run.stream().mapToInt(SegmentDescriptor::level).max().orElseThrow() + 1;
                long sequence = run.getLast().sequence();
                List<SegmentReader> runReaders = new ArrayList<>(run.size());
                for (SegmentDescriptor segment : run) {
                    runReaders.add(reader(BlobKey.of(segment.key())));
                }
                try (MagneticScan scan = new MagneticScan(current, runReaders, TimeRange.ALL, series -> true,
                        Projection.all(), Integer.MAX_VALUE, () -> { })) {
                    SegmentWriter writer = new SegmentWriter(options.blockRows());
                    while (scan.hasNext()) {
                        writer.addSeries(SeriesBatchRows.toSeriesRows(scan.next()));
                        if (writer.sizeBytes() >= targetBytes) {
                            outputs.add(store(partition, raftIndex, "c", number++, writer.finish(), level, sequence));
                            writer = new SegmentWriter(options.blockRows());
                        }
                    }
                    if (writer.rowCount() > 0) {
                        outputs.add(store(partition, raftIndex, "c", number++, writer.finish(), level, sequence));
                    }
                }
            }
            List<SegmentDescriptor> segments = new ArrayList<>(outputs);
            for (SegmentDescriptor segment : current.segments()) {
                if (!inputs.contains(segment)) {
                    segments.add(segment);
                }
            }
            return publish(partition, state, current.next(raftIndex, segments), List.copyOf(inputs));
        } finally {
            state.writeLock.unlock();
        }
    }

    /**
     * Drops the rows older than {@code beforeNanos} (past the magnetic retention): whole segments
     * entirely before it go, segments straddling it are rewritten without those rows.
     *
     * @return the manifest in force afterwards
     */
    public Manifest expire(PartitionId partition, long beforeNanos, long raftIndex) {
        PartitionState state = state(partition);
        state.writeLock.lock();
        try {
            Manifest current = state.manifest;
            if (raftIndex <= current.raftIndex()) {
                return current;
            }
            List<SegmentDescriptor> kept = new ArrayList<>();
            List<SegmentDescriptor> retired = new ArrayList<>();
            int number = 0;
            TimeRange remaining = TimeRange.from(beforeNanos);
            for (SegmentDescriptor segment : current.segments()) {
                if (segment.minTime() >= beforeNanos) {
                    kept.add(segment);
                    continue;
                }
                retired.add(segment);
                if (segment.maxTime() >= beforeNanos) {
                    try (MagneticScan scan = new MagneticScan(current, List.of(reader(BlobKey.of(segment.key()))),
                            remaining, series -> true, Projection.all(), Integer.MAX_VALUE, () -> { })) {
                        SegmentWriter writer = new SegmentWriter(options.blockRows());
                        while (scan.hasNext()) {
                            writer.addSeries(SeriesBatchRows.toSeriesRows(scan.next()));
                        }
                        kept.add(store(partition, raftIndex, "e", number++, writer.finish(), segment.level(),
                                segment.sequence()));
                    }
                }
            }
            if (retired.isEmpty()) {
                return current;
            }
            return publish(partition, state, current.next(raftIndex, kept), retired);
        } finally {
            state.writeLock.unlock();
        }
    }

    private SegmentDescriptor store(PartitionId partition, long raftIndex, String kind, int number,
            EncodedSegment segment, int level, long sequence) {
        BlobKey key = partition.segmentKey(raftIndex, kind, number);
        store.put(key, segment.bytes());
        return new SegmentDescriptor(key.value(), segment.minTime(), segment.maxTime(), segment.rowCount(),
                segment.sizeBytes(), level, sequence);
    }

    private Manifest publish(PartitionId partition, PartitionState state, Manifest next,
            List<SegmentDescriptor> retired) {
        options.beforeManifestSwap().accept(next);
        store.put(partition.manifestKey(), ManifestCodec.encode(next));
        Manifest previous = state.manifest;
        state.swap(next, retired);
        account(previous, next);
        deleteUnused(state);
        return next;
    }

    /**
     * The live segments of every partition and their bytes. The first call discovers the
     * partitions in the blob store (a listing); later calls only read two counters.
     */
    public MagneticUsage usage() {
        discover();
        return new MagneticUsage(liveSegments.get(), liveBytes.get());
    }

    private void discover() {
        if (!discovered) {
            synchronized (this) {
                if (!discovered) {
                    for (BlobKey key : store.list(PartitionId.ROOT_PREFIX)) {
                        PartitionId.ofManifestKey(key.value()).ifPresent(this::state);
                    }
                    discovered = true;
                }
            }
        }
    }

    private void account(Manifest previous, Manifest next) {
        liveSegments.addAndGet(next.segments().size() - previous.segments().size());
        liveBytes.addAndGet(next.sizeBytes() - previous.sizeBytes());
    }

    private void release(PartitionState state, long generation) {
        state.unpin(generation);
        deleteUnused(state);
    }

    private void deleteUnused(PartitionState state) {
        for (String key : state.takeDeletable()) {
            BlobKey blobKey = BlobKey.of(key);
            readers.remove(blobKey);
            store.delete(blobKey);
        }
    }

    private SegmentReader reader(BlobKey key) {
        return readers.computeIfAbsent(key, k -> SegmentReader.open(store, k));
    }

    private PartitionState state(PartitionId partition) {
        Objects.requireNonNull(partition, "partition");
        return partitions.computeIfAbsent(partition, this::open);
    }

    /** Reads the manifest and deletes what it does not reference: leftovers of a crashed change. */
    private PartitionState open(PartitionId partition) {
        Manifest manifest = Manifest.EMPTY;
        BlobKey manifestKey = partition.manifestKey();
        if (store.exists(manifestKey)) {
            try {
                manifest = ManifestCodec.decode(store.get(manifestKey));
            } catch (IOException | RuntimeException e) {
                throw new InternalServerException("Corrupt manifest '" + manifestKey + "': " + e.getMessage(), e);
            }
        }
        Set<String> referenced = new HashSet<>();
        manifest.segments().forEach(segment -> referenced.add(segment.key()));
        for (BlobKey key : store.list(partition.segmentPrefix())) {
            if (!referenced.contains(key.value())) {
                store.delete(key);
            }
        }
        account(Manifest.EMPTY, manifest);
        return new PartitionState(manifest);
    }

    /**
     * The in-memory state of one partition: the manifest in force, which manifest generations
     * running scans hold, and the retired segments waiting for those scans to finish.
     */
    private static final class PartitionState {
        final ReentrantLock writeLock = new ReentrantLock();
        volatile Manifest manifest;
        /** Generation → number of open scans; guarded by {@code this}. */
        private final TreeMap<Long, Integer> pins = new TreeMap<>();
        /** Segment key → the first generation that no longer lists it; guarded by {@code this}. */
        private final TreeMap<String, Long> retired = new TreeMap<>();

        PartitionState(Manifest manifest) {
            this.manifest = manifest;
        }

        synchronized Manifest pin() {
            Manifest pinned = manifest;
            pins.merge(pinned.generation(), 1, Integer::sum);
            return pinned;
        }

        synchronized void unpin(long generation) {
            pins.computeIfPresent(generation, (g, count) -> count == 1 ? null : count - 1);
        }

        synchronized void swap(Manifest next, List<SegmentDescriptor> retiredSegments) {
            manifest = next;
            for (SegmentDescriptor segment : retiredSegments) {
                retired.put(segment.key(), next.generation());
            }
        }

        /** Retired segments no open scan can reach any more; forgets them. */
        synchronized List<String> takeDeletable() {
            long oldestPinned = pins.isEmpty() ? Long.MAX_VALUE : pins.firstKey();
            List<String> deletable = new ArrayList<>();
            retired.entrySet().removeIf(entry -> {
                if (entry.getValue() <= oldestPinned) {
                    deletable.add(entry.getKey());
                    return true;
                }
                return false;
            });
            return deletable;
        }
    }
}
