package io.strata.tier.memory;

import io.strata.core.error.ThrottlingException;
import io.strata.core.model.SeriesKey;
import io.strata.internal.v1.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * The hot tier of one shard replica: per table, per series, rows in columnar chunks, plus a
 * dimension index. Bounded: {@link #reserve} refuses a batch that could push the
 * {@linkplain MemoryUsage estimate} past the limit, before anything of it is written.
 *
 * <p><b>Threading:</b> not thread-safe by itself. One thread (the shard's apply thread) mutates it,
 * holding its owner's write lock; readers call {@link #matching} and {@link SeriesHandle#copy}
 * holding the owner's read lock. <b>Ordering and determinism:</b> every result depends only on
 * the sequence of calls, never on time or hashing order (series are listed in key order).
 */
public final class MemoryStore {
    private final long limitBytes;
    /** Tables by id, sorted so that images and listings are in a stable order. */
    private final Map<String, MemoryTable> tables = new TreeMap<>();
    private long bytes;
    private long rows;
    private long series;
    private long lastConflictVersion;
    private String lastTypeConflictReason;

    public MemoryStore(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes must be positive, was " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public MemoryUsage usage() {
        return new MemoryUsage(bytes, rows, series);
    }

    /**
     * An upper bound of the bytes {@code record} adds when stored: its serialized size covers the
     * key and string cells, plus fixed costs per row, per cell and per possible new series.
     */
    public static long worstCaseBytes(StoredRecord record) {
        int cells = record.hasValue() ? 1 : record.getMulti().getValuesCount();
        return MemorySeries.SERIES_OVERHEAD_BYTES + MemorySeries.ROW_BYTES + 8L * cells + record.getSerializedSize();
    }

    /**
     * Refuses a write that could exceed the limit.
     *
     * @throws ThrottlingException if {@code additionalBytes} more would exceed the limit; nothing
     *     was written
     */
    public void reserve(long additionalBytes) {
        if (additionalBytes > 0 && bytes + additionalBytes > limitBytes) {
            throw new ThrottlingException("The memory store of this shard is full: " + bytes + " of " + limitBytes
                    + " bytes are used and the write needs up to " + additionalBytes
                    + " more. Nothing of it was written; retry with backoff once older data has moved to the "
                    + "magnetic store.");
        }
    }

    /**
     * Writes one point under Timestream's duplicate/version rules. On a version conflict
     * {@link #lastConflictVersion()} is the stored version; on a type conflict
     * {@link #lastTypeConflictReason()} says why.
     *
     * @param keyBucket the partition-key bucket of a series, asked once when the series is new
     */
    public UpsertOutcome upsert(TableReference table, StoredRecord record, ToIntFunction<SeriesKey> keyBucket) {
        MemoryTable memoryTable = tables.computeIfAbsent(table.tableId(), id -> new MemoryTable(table));
        MemorySeries target = memoryTable.find(record);
        boolean created = target == null;
        if (created) {
            target = memoryTable.create(record, keyBucket);
        }
        long bytesBefore = created ? 0 : target.bytes();
        int rowsBefore = target.rowCount();
        UpsertOutcome outcome = target.upsert(record);
        if (created && !outcome.stored()) {
            memoryTable.remove(target);
            if (memoryTable.isEmpty()) {
                tables.remove(table.tableId());
            }
        } else {
            bytes += target.bytes() - bytesBefore;
            rows += target.rowCount() - rowsBefore;
            series += created ? 1 : 0;
            if (outcome.stored()) {
                memoryTable.stored(record.getTimeNanos());
            }
        }
        if (outcome == UpsertOutcome.SAME_VERSION_CONFLICT || outcome == UpsertOutcome.LOWER_VERSION_CONFLICT) {
            lastConflictVersion = target.conflictingVersion();
        } else if (outcome == UpsertOutcome.TYPE_CONFLICT) {
            lastTypeConflictReason = target.typeConflictReason();
        }
        return outcome;
    }

    public long lastConflictVersion() {
        return lastConflictVersion;
    }

    public String lastTypeConflictReason() {
        return lastTypeConflictReason;
    }

    /**
     * Copies the rows of the table's series in partition-key bucket {@code keyBucket} with time in
     * {@code [fromNanos, toNanos)}, in series-key order; series without such rows are left out.
     */
    public List<SeriesRows> copyRange(String tableId, int keyBucket, long fromNanos, long toNanos) {
        MemoryTable table = tables.get(tableId);
        List<SeriesRows> copies = new ArrayList<>();
        if (table == null) {
            return copies;
        }
        for (MemorySeries candidate : table.all()) {
            if (candidate.keyBucket != keyBucket) {
                continue;
            }
            int from = candidate.firstRowAtOrAfter(fromNanos);
            int to = candidate.firstRowAtOrAfter(toNanos);
            if (from < to) {
                copies.add(candidate.copy(from, to));
            }
        }
        return copies;
    }

    /**
     * Drops the rows {@link #copyRange} would copy and returns how many were dropped. A
     * {@code keyBucket} of -1 means every bucket. Emptied series leave the index.
     */
    public long removeRange(String tableId, int keyBucket, long fromNanos, long toNanos) {
        MemoryTable table = tables.get(tableId);
        if (table == null) {
            return 0;
        }
        long removed = 0;
        for (MemorySeries candidate : table.all()) {
            if (keyBucket >= 0 && candidate.keyBucket != keyBucket) {
                continue;
            }
            int from = candidate.firstRowAtOrAfter(fromNanos);
            int to = candidate.firstRowAtOrAfter(toNanos);
            if (from >= to) {
                continue;
            }
            bytes -= candidate.removeRows(from, to);
            rows -= to - from;
            removed += to - from;
            if (candidate.rowCount() == 0) {
                bytes -= candidate.bytes();
                series--;
                table.remove(candidate);
            }
        }
        if (table.isEmpty()) {
            tables.remove(tableId);
        } else if (removed > 0) {
            table.rowsRemoved();
        }
        return removed;
    }

    /** The time of the table's oldest row, in nanoseconds; {@link Long#MAX_VALUE} when it has none here. */
    public long oldestTimeNanos(String tableId) {
        MemoryTable table = tables.get(tableId);
        return table == null ? Long.MAX_VALUE : table.oldestTimeNanos();
    }

    /** The ids of the tables with rows here, in id order. */
    public List<String> tableIds() {
        return List.copyOf(tables.keySet());
    }

    /** The series of a table matching the predicates, in series-key order; empty if the table has none. */
    public List<SeriesHandle> matching(String tableId, Map<String, ? extends Collection<String>> dimensionValues,
            Collection<String> measureNames) {
        MemoryTable table = tables.get(tableId);
        if (table == null) {
            return List.of();
        }
        List<MemorySeries> matches = table.matching(dimensionValues, measureNames);
        List<SeriesHandle> handles = new ArrayList<>(matches.size());
        for (MemorySeries match : matches) {
            handles.add(new SeriesHandle(match));
        }
        return handles;
    }

    /**
     * Hands every stored row to {@code sink} as a record, table by table (id order), series by
     * series (key order), in time order: the content of a snapshot image. {@code sink} must copy
     * what it keeps: the record is rebuilt for each row.
     */
    public void forEachRecord(BiConsumer<TableReference, StoredRecord> sink) {
        StoredRecord.Builder scratch = StoredRecord.newBuilder();
        for (MemoryTable table : tables.values()) {
            for (MemorySeries stored : table.all()) {
                stored.forEachRecord(scratch, record -> sink.accept(table.table, record));
            }
        }
    }

    /** Forgets everything (a snapshot from elsewhere replaces the state). */
    public void clear() {
        tables.clear();
        bytes = 0;
        rows = 0;
        series = 0;
    }

    /** A series of the store as a scan sees it: its key, and copies of its rows on demand. */
    public static final class SeriesHandle {
        private final MemorySeries target;

        private SeriesHandle(MemorySeries target) {
            this.target = Objects.requireNonNull(target);
        }

        public SeriesKey key() {
            return target.key;
        }

        /**
         * The series' rows with time in {@code [fromNanos, toNanos]} (both inclusive) as they are
         * now: empty once they are sealed or the series is gone. The caller holds the owner's read
         * lock.
         */
        public SeriesRows copy(long fromNanos, long toNanos) {
            return copy(fromNanos, toNanos, name -> true);
        }

        /** As {@link #copy(long, long)}, with only the value columns {@code columns} accepts. */
        public SeriesRows copy(long fromNanos, long toNanos, java.util.function.Predicate<String> columns) {
            int from = target.firstRowAtOrAfter(fromNanos);
            int to = toNanos == Long.MAX_VALUE ? target.rowCount() : target.firstRowAtOrAfter(toNanos + 1);
            return target.copy(from, Math.max(from, to), columns);
        }
    }
}
