package io.strata.tier.shard;

import io.strata.core.error.InternalServerException;
import io.strata.core.model.SeriesKey;
import io.strata.api.v1.MagneticStoreRejectedDataLocation;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.tier.blob.BlobKey;
import io.strata.tier.blob.BlobStore;
import io.strata.tier.magnetic.MagneticScan;
import io.strata.tier.magnetic.MagneticStore;
import io.strata.tier.magnetic.MagneticStoreOptions;
import io.strata.tier.magnetic.MagneticUsage;
import io.strata.tier.magnetic.PartitionId;
import io.strata.tier.magnetic.RejectedDataReportWriter;
import io.strata.tier.magnetic.SeriesBatch;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.memory.TableReference;
import io.strata.tier.segment.EncodedSegment;
import io.strata.tier.segment.Projection;
import io.strata.tier.segment.SegmentWriter;
import io.strata.tier.segment.TimeRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard's magnetic tier over a {@link MagneticStore} on this replica's own {@link BlobStore}
 * (a local directory by default, an S3 prefix per replica optionally).
 *
 * <ul>
 *   <li>A seal becomes one level-0 segment of the partition, keyed by the partition and the Raft
 *       index; it is stored with its manifest before {@link PendingSegment#publish} makes it
 *       visible in memory.
 *   <li>Late records are checked against the stored points, buffered per partition for the
 *       command and flushed as one small level-0 segment per partition at the end of the command
 *       (never by a clock); the refused ones go to a rejected-data report under
 *       {@code rejected-data/<bucket>/<object key prefix>/} of the blob store.
 *   <li>{@link #appliedIndex()} is a small object ({@value #APPLIED_INDEX_KEY}) written at the end
 *       of every mutating call, so a replayed command is skipped; the store's per-partition
 *       manifests make a call interrupted half way idempotent when it is replayed.
 * </ul>
 *
 * <p>Threading as {@link MagneticTier}: mutations on the apply thread; {@link #view()} from any
 * thread.
 */
public final class BlobMagneticTier implements MagneticTier {
    private static final Logger LOG = LoggerFactory.getLogger(BlobMagneticTier.class);
    static final String APPLIED_INDEX_KEY = "tier/applied-index";
    static final String REJECTED_DATA_PREFIX = "rejected-data/";

    private final BlobStore blobs;
    private final PartitionLayout layout;
    private final MagneticStoreOptions options;
    private final RejectedDataReportWriter reports;
    private volatile MagneticStore store;
    private volatile long appliedIndex;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public BlobMagneticTier(BlobStore blobs, PartitionLayout layout) {
        this(blobs, layout, MagneticStoreOptions.DEFAULT);
    }

    public BlobMagneticTier(BlobStore blobs, PartitionLayout layout, MagneticStoreOptions options) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.options = Objects.requireNonNull(options, "options");
        this.reports = new RejectedDataReportWriter(blobs);
        this.store = new MagneticStore(blobs, options);
        BlobKey marker = BlobKey.of(APPLIED_INDEX_KEY);
        this.appliedIndex = blobs.exists(marker)
                ? Long.parseLong(new String(blobs.get(marker), StandardCharsets.US_ASCII).trim())
                : -1;
    }

    /** The magnetic store this tier writes (for inspection; replaced by {@link #restore}). */
    public MagneticStore store() {
        return store;
    }

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    @Override
    public PendingSegment writeSegment(long raftIndex, io.strata.internal.v1.PartitionId partition,
            List<SeriesRows> rows) {
        Runnable publish = store.stageSegment(partitionOf(partition), raftIndex, encode(rows));
        markApplied(raftIndex);
        return publish::run;
    }

    @Override
    public void writeLate(long raftIndex, TableReference table, long ingestTimeNanos, TableWriteSettings settings,
            List<StoredRecord> records) {
        LateRecordBuffer buffer = new LateRecordBuffer(table, layout);
        MagneticView stored = view();
        for (Map.Entry<SeriesKey, List<StoredRecord>> series : LateRecordBuffer.bySeries(records).entrySet()) {
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            for (StoredRecord record : series.getValue()) {
                from = Math.min(from, record.getTimeNanos());
                to = Math.max(to, record.getTimeNanos());
            }
            buffer.add(series.getKey(), series.getValue(), stored.read(table.tableId(), series.getKey(), from, to));
        }
        MagneticStore current = store;
        for (PartitionId partition : buffer.partitions()) {
            current.addSegment(partition, raftIndex, encode(buffer.rows(partition)));
        }
        if (!buffer.rejected().isEmpty()) {
            reportRejected(raftIndex, table, ingestTimeNanos, settings, buffer);
        }
        markApplied(raftIndex);
    }

    private void reportRejected(long raftIndex, TableReference table, long ingestTimeNanos,
            TableWriteSettings settings, LateRecordBuffer buffer) {
        Optional<String> prefix = rejectedDataPrefix(settings);
        if (prefix.isEmpty()) {
            LOG.warn("{} late records of table {} at index {} were refused; the table has no rejected-data location",
                    buffer.rejected().size(), table, raftIndex);
            return;
        }
        reports.write(prefix, table.databaseName(), table.tableName(), table.tableId(), raftIndex, ingestTimeNanos,
                buffer.rejected());
    }

    /** {@code rejected-data/<bucket>[/<object key prefix>]}: where this replica keeps the table's reports. */
    static Optional<String> rejectedDataPrefix(TableWriteSettings settings) {
        if (!settings.hasRejectedDataLocation()) {
            return Optional.empty();
        }
        MagneticStoreRejectedDataLocation location = settings.getRejectedDataLocation();
        if (!location.hasS3Configuration() || !location.getS3Configuration().hasBucketName()) {
            return Optional.empty();
        }
        String prefix = REJECTED_DATA_PREFIX + location.getS3Configuration().getBucketName();
        if (location.getS3Configuration().hasObjectKeyPrefix()) {
            prefix += "/" + location.getS3Configuration().getObjectKeyPrefix();
        }
        return Optional.of(prefix);
    }

    @Override
    public void expire(long raftIndex, io.strata.internal.v1.PartitionId partition, long beforeNanos) {
        store.expire(partitionOf(partition), beforeNanos, raftIndex);
        markApplied(raftIndex);
    }

    @Override
    public void compact(long raftIndex, io.strata.internal.v1.PartitionId partition, long targetSegmentBytes) {
        store.compact(partitionOf(partition), targetSegmentBytes, raftIndex);
        markApplied(raftIndex);
    }

    /**
     * The published state. Each call of the view reads the partitions' manifests in force at that
     * call; the shard calls it under its read lock, which seals publish under, so a row is seen in
     * exactly one tier.
     */
    @Override
    public MagneticView view() {
        return new StoreView(store);
    }

    @Override
    public MagneticUsage usage() {
        return store.usage();
    }

    @Override
    public String manifestReference() {
        return Long.toString(appliedIndex);
    }

    @Override
    public void exportTo(Path directory) {
        MagneticStore current = store;
        List<BlobKey> keys = new ArrayList<>();
        for (PartitionId partition : current.partitions()) {
            keys.addAll(current.liveKeys(partition));
        }
        MagneticSnapshotFiles.export(blobs, keys, directory);
    }

    @Override
    public void restore(Path directory, String manifestReference) {
        long index = Long.parseLong(manifestReference);
        if (index <= appliedIndex) {
            return;
        }
        List<BlobKey> keys = MagneticSnapshotFiles.keysIn(directory);
        Set<String> restoredPrefixes = new HashSet<>();
        for (BlobKey key : keys) {
            if (key.value().endsWith("/manifest")) {
                restoredPrefixes.add(key.value().substring(0, key.value().length() - "manifest".length()));
                continue; // manifests last: they switch a partition to segments that must be there
            }
            MagneticSnapshotFiles.importFile(blobs, directory, key);
        }
        try {
            for (BlobKey key : keys) {
                if (key.value().endsWith("/manifest")) {
                    blobs.put(key, Files.readAllBytes(directory.resolve(key.value())));
                }
            }
        } catch (IOException e) {
            throw new InternalServerException("Cannot restore the magnetic manifests from " + directory + ": " + e, e);
        }
        for (PartitionId partition : store.partitions()) {
            if (!restoredPrefixes.contains(partition.keyPrefix())) {
                for (BlobKey stale : blobs.list(partition.keyPrefix())) {
                    blobs.delete(stale);
                }
            }
        }
        // A fresh store reads the restored manifests and deletes the segments they do not list.
        store = new MagneticStore(blobs, options);
        markApplied(index);
        LOG.info("Magnetic tier restored to index {} from {} ({} objects)", index, directory, keys.size());
    }

    /** Closes the blob store (the tier owns it). Idempotent. */
    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            blobs.close();
        }
    }

    private void markApplied(long raftIndex) {
        if (raftIndex > appliedIndex) {
            blobs.put(BlobKey.of(APPLIED_INDEX_KEY), Long.toString(raftIndex).getBytes(StandardCharsets.US_ASCII));
            appliedIndex = raftIndex;
        }
    }

    private EncodedSegment encode(List<SeriesRows> rows) {
        SegmentWriter writer = new SegmentWriter(options.blockRows());
        for (SeriesRows series : rows) {
            writer.addSeries(SeriesRowsConversion.toSegment(series));
        }
        return writer.finish();
    }

    private static PartitionId partitionOf(io.strata.internal.v1.PartitionId partition) {
        return new PartitionId(partition.getTableId(), partition.getTimeSlot(), partition.getKeyBucket());
    }

    /** Reads through one {@link MagneticStore}: the manifests in force at each call. */
    private record StoreView(MagneticStore store) implements MagneticView {
        @Override
        public List<SeriesKey> series(String tableId, Map<String, ? extends Collection<String>> dimensionValues,
                Collection<String> measureNames) {
            Predicate<SeriesKey> filter = key -> matches(key, dimensionValues, measureNames);
            TreeSet<SeriesKey> keys = new TreeSet<>();
            for (PartitionId partition : store.partitions()) {
                if (partition.tableId().equals(tableId)) {
                    keys.addAll(store.series(partition, filter));
                }
            }
            return List.copyOf(keys);
        }

        @Override
        public SeriesRows read(String tableId, SeriesKey series, long fromNanos, long toNanos) {
            return read(tableId, series, fromNanos, toNanos, Projection.all());
        }

        @Override
        public SeriesRows read(String tableId, SeriesKey series, long fromNanos, long toNanos, Projection columns) {
            TimeRange range = TimeRange.of(fromNanos, toNanos == Long.MAX_VALUE ? Long.MAX_VALUE : toNanos + 1);
            List<SeriesBatch> batches = new ArrayList<>();
            for (PartitionId partition : store.partitions()) {
                if (!partition.tableId().equals(tableId)) {
                    continue;
                }
                try (MagneticScan scan = store.scan(partition, range, series::equals, columns)) {
                    while (scan.hasNext()) {
                        batches.add(scan.next());
                    }
                }
            }
            return SeriesRowsConversion.fromBatches(series, batches);
        }

        private static boolean matches(SeriesKey key, Map<String, ? extends Collection<String>> dimensionValues,
                Collection<String> measureNames) {
            if (!measureNames.isEmpty() && !measureNames.contains(key.measureName().value())) {
                return false;
            }
            for (Map.Entry<String, ? extends Collection<String>> predicate : dimensionValues.entrySet()) {
                String value = key.dimensionValue(predicate.getKey());
                if (value == null || !predicate.getValue().contains(value)) {
                    return false;
                }
            }
            return true;
        }
    }
}
