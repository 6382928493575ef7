package io.strata.tier.shard;

import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.Dimension;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.Measure;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureName;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import io.strata.tier.magnetic.PartitionId;
import io.strata.tier.magnetic.RejectedDataEntry;
import io.strata.tier.memory.DuplicateReasons;
import io.strata.tier.memory.MemoryStore;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.memory.TableReference;
import io.strata.tier.memory.UpsertOutcome;
import io.strata.tier.segment.ColumnDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The late records of one write command on their way to the magnetic tier: each is checked against
 * the point the magnetic tier already holds at its time (Timestream's duplicate/version rules), the
 * accepted ones are buffered per partition in a scratch memory store (which also applies the rules
 * between records of the same command), and {@link #partitions()} / {@link #rows} hand them out
 * per partition for one small level-0 segment each. The refused ones become
 * {@link RejectedDataEntry rejected-data entries}. One instance per command, on the apply thread;
 * everything it decides depends only on the records and the magnetic state.
 */
final class LateRecordBuffer {
    private final TableReference table;
    private final PartitionLayout layout;
    private final long slotWidth;
    private final MemoryStore buffer = new MemoryStore(Long.MAX_VALUE);
    private final TreeMap<PartitionId, long[]> partitions = new TreeMap<>(PartitionId.ORDER);
    private final List<RejectedDataEntry> rejected = new ArrayList<>();

    LateRecordBuffer(TableReference table, PartitionLayout layout) {
        this.table = table;
        this.layout = layout;
        this.slotWidth = layout.slotWidthNanos(table);
    }

    /** Groups {@code records} by series (in key order, request order within a series). */
    static Map<SeriesKey, List<StoredRecord>> bySeries(List<StoredRecord> records) {
        Map<SeriesKey, List<StoredRecord>> grouped = new TreeMap<>();
        for (StoredRecord record : records) {
            grouped.computeIfAbsent(seriesOf(record), key -> new ArrayList<>()).add(record);
        }
        return grouped;
    }

    /**
     * Adds the late records of one series.
     *
     * @param stored what the magnetic tier holds of the series between the records' first and last
     *     time; null if nothing
     */
    void add(SeriesKey series, List<StoredRecord> records, SeriesRows stored) {
        int bucket = layout.keyBucket(table, series);
        for (StoredRecord record : records) {
            if (stored != null) {
                int row = stored.firstRowAtOrAfter(record.getTimeNanos());
                if (row < stored.rowCount() && stored.time(row) == record.getTimeNanos()) {
                    long existing = stored.version(row);
                    if (record.getVersion() <= existing) {
                        if (!sameValues(stored, row, record)) {
                            reject(series, record, record.getVersion() == existing ? DuplicateReasons.SAME_VERSION
                                    : DuplicateReasons.lowerVersion(record.getVersion(), existing), existing);
                        }
                        continue; // an identical point is stored already: accepted, nothing to write
                    }
                }
            }
            UpsertOutcome outcome = buffer.upsert(table, record, key -> bucket);
            switch (outcome) {
                case INSERTED, IDENTICAL, VERSION_RAISED, REPLACED -> {
                    long slot = Math.floorDiv(record.getTimeNanos(), slotWidth);
                    partitions.computeIfAbsent(new PartitionId(table.tableId(), slot, bucket),
                            partition -> slotRange(slot));
                }
                case SAME_VERSION_CONFLICT -> reject(series, record, DuplicateReasons.SAME_VERSION,
                        buffer.lastConflictVersion());
                case LOWER_VERSION_CONFLICT -> reject(series, record,
                        DuplicateReasons.lowerVersion(record.getVersion(), buffer.lastConflictVersion()),
                        buffer.lastConflictVersion());
                case TYPE_CONFLICT -> rejected.add(new RejectedDataEntry(recordOf(series, record),
                        buffer.lastTypeConflictReason(), OptionalLong.empty()));
            }
        }
    }

    /** The partitions with accepted records, in {@link PartitionId#ORDER}. */
    List<PartitionId> partitions() {
        return List.copyOf(partitions.keySet());
    }

    /** The accepted records of {@code partition}, series in key order. */
    List<SeriesRows> rows(PartitionId partition) {
        long[] range = partitions.get(partition);
        return buffer.copyRange(partition.tableId(), partition.keyBucket(), range[0], range[1]);
    }

    List<RejectedDataEntry> rejected() {
        return rejected;
    }

    private long[] slotRange(long slot) {
        long start;
        try {
            start = Math.multiplyExact(slot, slotWidth);
        } catch (ArithmeticException overflow) {
            start = Long.MAX_VALUE;
        }
        long end = start > Long.MAX_VALUE - slotWidth ? Long.MAX_VALUE : start + slotWidth;
        return new long[] {start, end};
    }

    private void reject(SeriesKey series, StoredRecord record, String reason, long existingVersion) {
        rejected.add(new RejectedDataEntry(recordOf(series, record), reason, OptionalLong.of(existingVersion)));
    }

    static SeriesKey seriesOf(StoredRecord record) {
        List<Dimension> dimensions = new ArrayList<>(record.getDimensionsCount());
        for (int i = 0; i < record.getDimensionsCount(); i++) {
            dimensions.add(new Dimension(record.getDimensions(i).getName(), record.getDimensions(i).getValue()));
        }
        return new SeriesKey(dimensions, new MeasureName(record.getMeasureName()));
    }

    private static Record recordOf(SeriesKey series, StoredRecord record) {
        Measure measure;
        if (record.hasValue()) {
            measure = valueOf(record.getValue());
        } else {
            List<MeasureAttribute> attributes = new ArrayList<>(record.getMulti().getValuesCount());
            for (NamedValue value : record.getMulti().getValuesList()) {
                attributes.add(new MeasureAttribute(value.getName(), valueOf(value.getValue())));
            }
            measure = new MultiMeasure(attributes);
        }
        return new Record(series, record.getTimeNanos(), record.getVersion(), measure);
    }

    private static MeasureValue valueOf(TypedValue value) {
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> new DoubleValue(value.getDoubleValue());
            case BIGINT_VALUE -> new BigintValue(value.getBigintValue());
            case VARCHAR_VALUE -> new VarcharValue(value.getVarcharValue());
            case BOOLEAN_VALUE -> new BooleanValue(value.getBooleanValue());
            case TIMESTAMP_NANOS -> new TimestampValue(value.getTimestampNanos());
            case VALUE_NOT_SET -> throw new IllegalArgumentException("a stored value has no type");
        };
    }

    /** Whether the stored row holds exactly the record's values (an idempotent retry). */
    private static boolean sameValues(SeriesRows stored, int row, StoredRecord record) {
        int presentCells = 0;
        for (SeriesRows.Column column : stored.columns()) {
            if (column.isPresent(row)) {
                presentCells++;
            }
        }
        if (record.hasValue()) {
            MeasureValueType type = typeOf(record.getValue());
            return presentCells == 1
                    && sameCell(stored, row, ColumnDescriptor.singleMeasureColumnName(type), record.getValue());
        }
        if (presentCells != record.getMulti().getValuesCount()) {
            return false;
        }
        for (NamedValue value : record.getMulti().getValuesList()) {
            if (!sameCell(stored, row, value.getName(), value.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCell(SeriesRows stored, int row, String name, TypedValue value) {
        int index = stored.columnIndex(name);
        if (index < 0) {
            return false;
        }
        SeriesRows.Column column = stored.columns().get(index);
        if (!column.isPresent(row) || column.type() != typeOf(value)) {
            return false;
        }
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> column.longValue(row) == Double.doubleToRawLongBits(value.getDoubleValue());
            case BIGINT_VALUE -> column.longValue(row) == value.getBigintValue();
            case TIMESTAMP_NANOS -> column.longValue(row) == value.getTimestampNanos();
            case BOOLEAN_VALUE -> column.booleanValue(row) == value.getBooleanValue();
            case VARCHAR_VALUE -> column.stringValue(row).equals(value.getVarcharValue());
            case VALUE_NOT_SET -> false;
        };
    }

    private static MeasureValueType typeOf(TypedValue value) {
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> MeasureValueType.DOUBLE;
            case BIGINT_VALUE -> MeasureValueType.BIGINT;
            case VARCHAR_VALUE -> MeasureValueType.VARCHAR;
            case BOOLEAN_VALUE -> MeasureValueType.BOOLEAN;
            case TIMESTAMP_NANOS -> MeasureValueType.TIMESTAMP;
            case VALUE_NOT_SET -> throw new IllegalArgumentException("a stored value has no type");
        };
    }
}
