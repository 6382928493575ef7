package io.strata.tier.memory;

import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.Utf8;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.NamedValue;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TypedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory-store rows of one series: a time array kept sorted (appends are the common case,
 * out-of-order inserts shift the tail), a version array and one {@link ValueColumn} per value name.
 * Applies Timestream's duplicate/version rules point by point. Owned by the apply thread; readers
 * get {@link #copy copies} under the store's read lock.
 */
final class MemorySeries {
    /** What a series costs beyond its rows: arrays, map entries, index bits. */
    static final long SERIES_OVERHEAD_BYTES = 128;
    /** Time and version of a row. */
    static final long ROW_BYTES = 16;

    private static final String[] SINGLE_VALUE_COLUMNS = new String[MeasureValueType.values().length];

    static {
        for (MeasureValueType type : MeasureValueType.values()) {
            if (type != MeasureValueType.MULTI) {
                SINGLE_VALUE_COLUMNS[type.ordinal()] = TableColumn.measureValueColumnName(type);
            }
        }
    }

    final int id;
    final SeriesKey key;
    final SeriesIdentity identity;
    final int keyBucket;
    private final List<ValueColumn> columns = new ArrayList<>(1);
    private final Map<String, ValueColumn> columnsByName = new HashMap<>(4);
    private final StringDictionary dictionary = new StringDictionary();
    private long[] times = new long[8];
    private long[] versions = new long[8];
    private int rowCount;
    private long bytes;
    /** The stored version behind the last conflict {@link #upsert} reported. */
    private long conflictingVersion;
    /** Name, stored type and written type behind the last TYPE_CONFLICT. */
    private String conflictingName;
    private MeasureValueType conflictingStoredType;
    private MeasureValueType conflictingWrittenType;

    MemorySeries(int id, SeriesKey key, SeriesIdentity identity, int keyBucket) {
        this.id = id;
        this.key = key;
        this.identity = identity;
        this.keyBucket = keyBucket;
        this.bytes = SERIES_OVERHEAD_BYTES + key.sizeInBytes();
    }

    int rowCount() {
        return rowCount;
    }

    long bytes() {
        return bytes;
    }

    long conflictingVersion() {
        return conflictingVersion;
    }

    String typeConflictReason() {
        return DuplicateReasons.typeConflict(conflictingName, conflictingStoredType, conflictingWrittenType);
    }

    /** Writes one point; see {@link UpsertOutcome} for the rules. */
    UpsertOutcome upsert(StoredRecord record) {
        if (hasTypeConflict(record)) {
            return UpsertOutcome.TYPE_CONFLICT;
        }
        long time = record.getTimeNanos();
        long version = record.getVersion();
        int position = Arrays.binarySearch(times, 0, rowCount, time);
        if (position < 0) {
            insertRow(-position - 1, time, version);
            writeValues(-position - 1, record);
            return UpsertOutcome.INSERTED;
        }
        long existing = versions[position];
        if (sameValues(position, record)) {
            if (version > existing) {
                versions[position] = version;
                return UpsertOutcome.VERSION_RAISED;
            }
            return UpsertOutcome.IDENTICAL;
        }
        if (version > existing) {
            clearValues(position);
            versions[position] = version;
            writeValues(position, record);
            return UpsertOutcome.REPLACED;
        }
        conflictingVersion = existing;
        return version == existing ? UpsertOutcome.SAME_VERSION_CONFLICT : UpsertOutcome.LOWER_VERSION_CONFLICT;
    }

    /** The time of the oldest row; the series has at least one row. */
    long oldestTimeNanos() {
        return times[0];
    }

    /** The first row with time {@code >= timeNanos}. */
    int firstRowAtOrAfter(long timeNanos) {
        int position = Arrays.binarySearch(times, 0, rowCount, timeNanos);
        return position < 0 ? -position - 1 : position;
    }

    /** A copy of rows {@code [from, to)}; the caller holds the store's read lock or is the apply thread. */
    SeriesRows copy(int from, int to) {
        return copy(from, to, name -> true);
    }

    /**
     * A copy of rows {@code [from, to)} with only the value columns {@code wanted} accepts (a scan
     * copies what it projects, not the whole row); the caller holds the store's read lock.
     */
    SeriesRows copy(int from, int to, java.util.function.Predicate<String> wanted) {
        String[] dictionaryCopy = null;
        List<SeriesRows.Column> copied = new ArrayList<>(columns.size());
        for (ValueColumn column : columns) {
            if (!wanted.test(column.name)) {
                continue;
            }
            if (column.type == MeasureValueType.VARCHAR && dictionaryCopy == null) {
                dictionaryCopy = dictionary.copy();
            }
            copied.add(column.copy(from, to, dictionaryCopy));
        }
        return new SeriesRows(key, to - from, Arrays.copyOfRange(times, from, to),
                Arrays.copyOfRange(versions, from, to), copied);
    }

    /** Drops rows {@code [from, to)} and returns how many bytes they accounted for. */
    long removeRows(int from, int to) {
        long released = 0;
        for (int row = from; row < to; row++) {
            released += ROW_BYTES + cellBytes(row);
        }
        System.arraycopy(times, to, times, from, rowCount - to);
        System.arraycopy(versions, to, versions, from, rowCount - to);
        for (ValueColumn column : columns) {
            column.removeRows(from, to, rowCount);
        }
        rowCount -= to - from;
        bytes -= released;
        return released;
    }

    /** Writes every row (for a snapshot image) as records into {@code sink}, in time order. */
    void forEachRecord(StoredRecord.Builder scratch, java.util.function.Consumer<StoredRecord> sink) {
        for (int row = 0; row < rowCount; row++) {
            scratch.clear();
            for (int i = 0; i < key.dimensions().size(); i++) {
                scratch.addDimensionsBuilder().setName(key.dimensions().get(i).name())
                        .setValue(key.dimensions().get(i).value());
            }
            scratch.setMeasureName(key.measureName().value()).setTimeNanos(times[row]).setVersion(versions[row]);
            ValueColumn single = singleValueColumn(row);
            if (single != null) {
                scratch.setValue(typedValue(single, row));
            } else {
                io.strata.internal.v1.MultiMeasure.Builder multi = scratch.getMultiBuilder();
                for (ValueColumn column : columns) {
                    if (column.isPresent(row)) {
                        multi.addValues(NamedValue.newBuilder().setName(column.name).setValue(typedValue(column, row)));
                    }
                }
            }
            sink.accept(scratch.build());
        }
    }

    private ValueColumn singleValueColumn(int row) {
        for (ValueColumn column : columns) {
            if (column.isPresent(row) && column.name.equals(SINGLE_VALUE_COLUMNS[column.type.ordinal()])) {
                return column;
            }
        }
        return null;
    }

    private TypedValue typedValue(ValueColumn column, int row) {
        long value = column.values[row];
        TypedValue.Builder builder = TypedValue.newBuilder();
        switch (column.type) {
            case DOUBLE -> builder.setDoubleValue(Double.longBitsToDouble(value));
            case BIGINT -> builder.setBigintValue(value);
            case VARCHAR -> builder.setVarcharValue(dictionary.value((int) value));
            case BOOLEAN -> builder.setBooleanValue(value != 0);
            case TIMESTAMP -> builder.setTimestampNanos(value);
            case MULTI -> throw new IllegalStateException("no MULTI column");
        }
        return builder.build();
    }

    private long cellBytes(int row) {
        long total = 0;
        for (ValueColumn column : columns) {
            if (column.isPresent(row)) {
                total += column.type == MeasureValueType.VARCHAR
                        ? Utf8.encodedLength(dictionary.value((int) column.values[row]))
                        : 8;
            }
        }
        return total;
    }

    private boolean hasTypeConflict(StoredRecord record) {
        if (record.hasValue()) {
            return typeConflicts(singleColumnName(record.getValue()), record.getValue());
        }
        for (int i = 0; i < record.getMulti().getValuesCount(); i++) {
            NamedValue value = record.getMulti().getValues(i);
            if (typeConflicts(value.getName(), value.getValue())) {
                return true;
            }
        }
        return false;
    }

    private boolean typeConflicts(String name, TypedValue value) {
        ValueColumn column = columnsByName.get(name);
        MeasureValueType written = typeOf(value);
        if (column == null || column.type == written) {
            return false;
        }
        conflictingName = name;
        conflictingStoredType = column.type;
        conflictingWrittenType = written;
        return true;
    }

    private void insertRow(int position, long time, long version) {
        if (rowCount == times.length) {
            times = Arrays.copyOf(times, rowCount * 2);
            versions = Arrays.copyOf(versions, rowCount * 2);
        }
        System.arraycopy(times, position, times, position + 1, rowCount - position);
        System.arraycopy(versions, position, versions, position + 1, rowCount - position);
        times[position] = time;
        versions[position] = version;
        for (ValueColumn column : columns) {
            column.insertRow(position, rowCount);
        }
        rowCount++;
        bytes += ROW_BYTES;
    }

    private void writeValues(int row, StoredRecord record) {
        if (record.hasValue()) {
            writeValue(row, singleColumnName(record.getValue()), record.getValue());
            return;
        }
        for (int i = 0; i < record.getMulti().getValuesCount(); i++) {
            NamedValue value = record.getMulti().getValues(i);
            writeValue(row, value.getName(), value.getValue());
        }
    }

    private void writeValue(int row, String name, TypedValue value) {
        ValueColumn column = columnsByName.get(name);
        if (column == null) {
            column = new ValueColumn(name, typeOf(value), times.length);
            columns.add(column);
            columnsByName.put(name, column);
        }
        column.ensureCapacity(rowCount);
        long encoded;
        if (value.getValueCase() == TypedValue.ValueCase.VARCHAR_VALUE) {
            encoded = dictionary.idOf(value.getVarcharValue());
            bytes += Utf8.encodedLength(value.getVarcharValue());
        } else {
            encoded = encodeNumeric(value);
            bytes += 8;
        }
        column.set(row, encoded);
    }

    private void clearValues(int row) {
        bytes -= cellBytes(row);
        for (ValueColumn column : columns) {
            column.clear(row);
        }
    }

    private boolean sameValues(int row, StoredRecord record) {
        int presentCells = 0;
        for (ValueColumn column : columns) {
            if (column.isPresent(row)) {
                presentCells++;
            }
        }
        if (record.hasValue()) {
            return presentCells == 1 && sameValue(row, singleColumnName(record.getValue()), record.getValue());
        }
        int count = record.getMulti().getValuesCount();
        if (presentCells != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            NamedValue value = record.getMulti().getValues(i);
            if (!sameValue(row, value.getName(), value.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean sameValue(int row, String name, TypedValue value) {
        ValueColumn column = columnsByName.get(name);
        if (column == null || !column.isPresent(row)) {
            return false;
        }
        if (value.getValueCase() == TypedValue.ValueCase.VARCHAR_VALUE) {
            return column.values[row] == dictionary.find(value.getVarcharValue());
        }
        return column.values[row] == encodeNumeric(value);
    }

    private static String singleColumnName(TypedValue value) {
        return SINGLE_VALUE_COLUMNS[typeOf(value).ordinal()];
    }

    static MeasureValueType typeOf(TypedValue value) {
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> MeasureValueType.DOUBLE;
            case BIGINT_VALUE -> MeasureValueType.BIGINT;
            case VARCHAR_VALUE -> MeasureValueType.VARCHAR;
            case BOOLEAN_VALUE -> MeasureValueType.BOOLEAN;
            case TIMESTAMP_NANOS -> MeasureValueType.TIMESTAMP;
            case VALUE_NOT_SET -> throw new IllegalArgumentException("a stored value has no type");
        };
    }

    private static long encodeNumeric(TypedValue value) {
        return switch (value.getValueCase()) {
            case DOUBLE_VALUE -> Double.doubleToRawLongBits(value.getDoubleValue());
            case BIGINT_VALUE -> value.getBigintValue();
            case BOOLEAN_VALUE -> value.getBooleanValue() ? 1 : 0;
            case TIMESTAMP_NANOS -> value.getTimestampNanos();
            case VARCHAR_VALUE, VALUE_NOT_SET -> throw new IllegalArgumentException("not a numeric value");
        };
    }
}
