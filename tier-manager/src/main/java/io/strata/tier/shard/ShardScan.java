package io.strata.tier.shard;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.model.SeriesKey;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.segment.Projection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The rows of a {@link ScanRequest} from both tiers, as {@link ColumnBatch}es: series in key
 * order, each series' rows in time order, one row per time (the higher version when both tiers
 * hold the time; the memory row on a tie, being the later write).
 *
 * <p><b>Consistency:</b> a series' memory rows and the magnetic view it is merged with are taken
 * under one acquisition of the shard's read lock, and a seal publishes its segment and drops the
 * memory rows under the write lock, so every row is seen exactly once even while seals run. Series
 * written for the first time after the scan started are not seen.
 *
 * <p><b>Threading:</b> one consumer thread; runs concurrently with the shard's apply thread.
 * Allocates per series and per batch, never per row.
 */
public final class ShardScan implements Iterator<ColumnBatch> {
    private final ScanRequest request;
    private final Lock readLock;
    private final Supplier<MagneticView> magnetic;
    private final List<SeriesKey> series;
    private final List<MemoryStore.SeriesHandle> memoryHandles;
    private final BatchAssembler assembler;
    private final Projection projection;
    private int nextSeries;
    private SeriesRows memoryRows;
    private SeriesRows magneticRows;
    private int memoryRow;
    private int magneticRow;
    private ColumnBatch pending;

    ShardScan(ScanRequest request, Lock readLock, Supplier<MagneticView> magnetic, List<SeriesKey> series,
            List<MemoryStore.SeriesHandle> memoryHandles) {
        this.request = request;
        this.readLock = readLock;
        this.magnetic = magnetic;
        this.series = series;
        this.memoryHandles = memoryHandles;
        this.assembler = new BatchAssembler(request.columns(), request.batchRows());
        Set<String> valueColumns = new HashSet<>();
        for (TableColumn column : request.columns()) {
            if (column.role() == ColumnRole.MEASURE_VALUE
                    || column.role() == ColumnRole.MULTI_MEASURE_ATTRIBUTE) {
                valueColumns.add(column.name());
            }
        }
        // Only the projected value columns are copied from memory or decoded from segments.
        this.projection = Projection.of(valueColumns);
    }

    /** Bytes of the projected columns read so far, superseded versions included (QueryStatus). */
    public long bytesScanned() {
        return assembler.bytesScanned();
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = fill();
        }
        return pending != null;
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ColumnBatch batch = pending;
        pending = null;
        return batch;
    }

    private ColumnBatch fill() {
        while (assembler.rows() < request.batchRows()) {
            if (!currentSeriesHasRows() && !loadNextSeries()) {
                break;
            }
            mergeCurrentSeries();
        }
        return assembler.rows() == 0 ? null : assembler.finishBatch();
    }

    private boolean currentSeriesHasRows() {
        return (memoryRows != null && memoryRow < memoryRows.rowCount())
                || (magneticRows != null && magneticRow < magneticRows.rowCount());
    }

    private boolean loadNextSeries() {
        while (nextSeries < series.size()) {
            SeriesKey key = series.get(nextSeries);
            MemoryStore.SeriesHandle handle = memoryHandles.get(nextSeries);
            nextSeries++;
            readLock.lock();
            try {
                memoryRows = handle == null ? null
                        : handle.copy(request.fromNanos(), request.toNanos(), projection::includes);
                MagneticView view = magnetic.get();
                magneticRows = view == null ? null
                        : view.read(request.tableId(), key, request.fromNanos(), request.toNanos(), projection);
            } finally {
                readLock.unlock();
            }
            memoryRow = 0;
            magneticRow = 0;
            if (currentSeriesHasRows()) {
                assembler.startSeries(key, memoryRows, magneticRows);
                return true;
            }
        }
        memoryRows = null;
        magneticRows = null;
        return false;
    }

    private void mergeCurrentSeries() {
        int memoryCount = memoryRows == null ? 0 : memoryRows.rowCount();
        int magneticCount = magneticRows == null ? 0 : magneticRows.rowCount();
        while (assembler.rows() < request.batchRows() && (memoryRow < memoryCount || magneticRow < magneticCount)) {
            int room = request.batchRows() - assembler.rows();
            if (magneticRow >= magneticCount) {
                int end = memoryRow + Math.min(room, memoryCount - memoryRow);
                assembler.appendRun(memoryRows, memoryRow, end, true);
                memoryRow = end;
            } else if (memoryRow >= memoryCount) {
                int end = magneticRow + Math.min(room, magneticCount - magneticRow);
                assembler.appendRun(magneticRows, magneticRow, end, false);
                magneticRow = end;
            } else if (magneticRow >= magneticCount
                    || (memoryRow < memoryCount && memoryRows.time(memoryRow) < magneticRows.time(magneticRow))) {
                assembler.countRead(memoryRows, memoryRow, true);
                assembler.append(memoryRows, memoryRow++, true);
            } else if (memoryRow >= memoryCount || magneticRows.time(magneticRow) < memoryRows.time(memoryRow)) {
                assembler.countRead(magneticRows, magneticRow, false);
                assembler.append(magneticRows, magneticRow++, false);
            } else {
                assembler.countRead(memoryRows, memoryRow, true);
                assembler.countRead(magneticRows, magneticRow, false);
                if (magneticRows.version(magneticRow) > memoryRows.version(memoryRow)) {
                    assembler.append(magneticRows, magneticRow, false);
                } else {
                    assembler.append(memoryRows, memoryRow, true);
                }
                memoryRow++;
                magneticRow++;
            }
        }
    }
}
