package io.strata.tier.shard;

import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.StoredRecord;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.memory.TableReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A test double of the magnetic tier (the real one is built on the {@code segments} branch): it
 * keeps published segments as the {@link SeriesRows} it was handed, in an immutable map swapped on
 * publish, and records late writes. Enough to check the shard's side of the hand-over: what it
 * seals, when it publishes, and how scans merge the two tiers. Not a storage engine.
 */
final class RecordingMagneticTier implements MagneticTier {
    private volatile Map<String, TreeMap<SeriesKey, List<SeriesRows>>> published = Map.of();
    private volatile long appliedIndex = -1;
    final List<StoredRecord> lateRecords = new CopyOnWriteArrayList<>();
    final List<PartitionId> sealedPartitions = new CopyOnWriteArrayList<>();
    /** When set, writeSegment signals {@code segmentWritten} and waits for {@code releaseSegment}. */
    volatile CountDownLatch segmentWritten;
    volatile CountDownLatch releaseSegment;

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    @Override
    public PendingSegment writeSegment(long raftIndex, PartitionId partition, List<SeriesRows> rows) {
        CountDownLatch written = segmentWritten;
        CountDownLatch release = releaseSegment;
        if (written != null) {
            written.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return () -> {
            Map<String, TreeMap<SeriesKey, List<SeriesRows>>> next = new HashMap<>();
            published.forEach((table, series) -> {
                TreeMap<SeriesKey, List<SeriesRows>> copy = new TreeMap<>();
                series.forEach((key, chunks) -> copy.put(key, List.copyOf(chunks)));
                next.put(table, copy);
            });
            TreeMap<SeriesKey, List<SeriesRows>> table = next.computeIfAbsent(partition.getTableId(), id -> new TreeMap<>());
            for (SeriesRows chunk : rows) {
                List<SeriesRows> chunks = new ArrayList<>(table.getOrDefault(chunk.series(), List.of()));
                chunks.add(chunk);
                chunks.sort((left, right) -> Long.compare(left.time(0), right.time(0)));
                table.put(chunk.series(), List.copyOf(chunks));
            }
            sealedPartitions.add(partition);
            appliedIndex = raftIndex;
            published = next;
        };
    }

    @Override
    public void writeLate(long raftIndex, TableReference table, long ingestTimeNanos,
            io.strata.internal.v1.TableWriteSettings settings, List<StoredRecord> records) {
        lateRecords.addAll(records);
        appliedIndex = raftIndex;
    }

    @Override
    public void expire(long raftIndex, PartitionId partition, long beforeNanos) {
        appliedIndex = raftIndex;
    }

    @Override
    public void compact(long raftIndex, PartitionId partition, long targetSegmentBytes) {
        appliedIndex = raftIndex;
    }

    @Override
    public io.strata.tier.magnetic.MagneticUsage usage() {
        long segments = published.values().stream().mapToLong(table -> table.values().stream().mapToLong(List::size).sum()).sum();
        return new io.strata.tier.magnetic.MagneticUsage(segments, 0);
    }

    @Override
    public MagneticView view() {
        Map<String, TreeMap<SeriesKey, List<SeriesRows>>> pinned = published;
        return new MagneticView() {
            @Override
            public List<SeriesKey> series(String tableId, Map<String, ? extends Collection<String>> dimensionValues,
                    Collection<String> measureNames) {
                List<SeriesKey> matches = new ArrayList<>();
                for (SeriesKey key : pinned.getOrDefault(tableId, new TreeMap<>()).keySet()) {
                    boolean match = measureNames.isEmpty() || measureNames.contains(key.measureName().value());
                    for (Map.Entry<String, ? extends Collection<String>> predicate : dimensionValues.entrySet()) {
                        match &= predicate.getValue().contains(key.dimensionValue(predicate.getKey()));
                    }
                    if (match) {
                        matches.add(key);
                    }
                }
                return matches;
            }

            @Override
            public SeriesRows read(String tableId, SeriesKey series, long fromNanos, long toNanos) {
                List<SeriesRows> chunks = pinned.getOrDefault(tableId, new TreeMap<>()).get(series);
                return chunks == null ? null : concatenate(series, chunks, fromNanos, toNanos);
            }
        };
    }

    @Override
    public String manifestReference() {
        return "manifest-" + appliedIndex;
    }

    @Override
    public void exportTo(java.nio.file.Path directory) {
    }

    @Override
    public void restore(java.nio.file.Path directory, String manifestReference) {
        throw new UnsupportedOperationException("the recording tier cannot restore " + manifestReference);
    }

    @Override
    public void close() {
    }

    /** Rows of time-disjoint chunks in [from, to] as one SeriesRows. */
    private static SeriesRows concatenate(SeriesKey series, List<SeriesRows> chunks, long fromNanos, long toNanos) {
        List<long[]> rows = new ArrayList<>();
        Map<String, MeasureValueType> types = new LinkedHashMap<>();
        for (SeriesRows chunk : chunks) {
            for (SeriesRows.Column column : chunk.columns()) {
                types.putIfAbsent(column.name(), column.type());
            }
        }
        List<String> names = new ArrayList<>(types.keySet());
        List<String> strings = new ArrayList<>();
        int total = 0;
        for (SeriesRows chunk : chunks) {
            for (int row = 0; row < chunk.rowCount(); row++) {
                if (chunk.time(row) >= fromNanos && chunk.time(row) <= toNanos) {
                    total++;
                }
            }
        }
        long[] times = new long[total];
        long[] versions = new long[total];
        long[][] values = new long[names.size()][total];
        long[][] present = new long[names.size()][(total + 63) / 64];
        int out = 0;
        for (SeriesRows chunk : chunks) {
            for (int row = 0; row < chunk.rowCount(); row++) {
                if (chunk.time(row) < fromNanos || chunk.time(row) > toNanos) {
                    continue;
                }
                times[out] = chunk.time(row);
                versions[out] = chunk.version(row);
                for (int c = 0; c < names.size(); c++) {
                    int index = chunk.columnIndex(names.get(c));
                    if (index >= 0 && chunk.columns().get(index).isPresent(row)) {
                        SeriesRows.Column column = chunk.columns().get(index);
                        if (column.type() == MeasureValueType.VARCHAR) {
                            strings.add(column.stringValue(row));
                            values[c][out] = strings.size() - 1;
                        } else {
                            values[c][out] = column.longValue(row);
                        }
                        present[c][out / 64] |= 1L << out;
                    }
                }
                out++;
            }
        }
        rows.clear();
        if (total == 0) {
            return null;
        }
        String[] dictionary = strings.toArray(String[]::new);
        List<SeriesRows.Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            MeasureValueType type = types.get(names.get(c));
            columns.add(new SeriesRows.Column(names.get(c), type, values[c], present[c],
                    type == MeasureValueType.VARCHAR ? dictionary : null));
        }
        return new SeriesRows(series, total, times, versions, columns);
    }
}
