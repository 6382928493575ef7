package io.strata.raft.query;

import com.google.protobuf.ByteString;
import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.NullMask;
import io.strata.core.batch.VarcharVector;
import io.strata.core.error.InternalServerException;
import io.strata.internal.v1.ColumnBatchMessage;
import io.strata.internal.v1.ColumnType;
import io.strata.internal.v1.DictionaryStrings;
import io.strata.internal.v1.PackedBooleans;
import io.strata.internal.v1.PackedDoubles;
import io.strata.internal.v1.PackedLongs;

/**
 * {@link ColumnBatch} to and from its wire form {@link ColumnBatchMessage} (see
 * {@code column_batch.proto}): dense vectors, a null bitmap, strings dictionary-encoded with the
 * vector's own dictionary. Only the physical types storage and the engine's vectors use travel
 * (BIGINT, DOUBLE, VARCHAR, BOOLEAN, TIMESTAMP): the engine knows each fragment column's SQL type
 * from the plan. Stateless and thread-safe; allocates per batch and column, not per value (apart
 * from what protobuf's builders do).
 */
public final class ColumnBatchMessages {
    private ColumnBatchMessages() {}

    public static ColumnBatchMessage encode(ColumnBatch batch) {
        ColumnBatchMessage.Builder message = ColumnBatchMessage.newBuilder().setRowCount(batch.rowCount());
        for (int index = 0; index < batch.columnCount(); index++) {
            message.addColumns(encode(batch.names().get(index), batch.column(index), batch.rowCount()));
        }
        return message.build();
    }

    private static io.strata.internal.v1.ColumnVector encode(String name, ColumnVector vector, int rows) {
        io.strata.internal.v1.ColumnVector.Builder column = io.strata.internal.v1.ColumnVector.newBuilder().setName(name);
        if (vector.nulls().hasNulls()) {
            column.setNullBitmap(bitmap(vector, rows));
        }
        switch (vector) {
            case LongVector longs -> {
                column.setType(longs.type() == io.strata.core.batch.ColumnType.TIMESTAMP
                        ? ColumnType.COLUMN_TYPE_TIMESTAMP : ColumnType.COLUMN_TYPE_BIGINT);
                PackedLongs.Builder values = PackedLongs.newBuilder();
                for (int row = 0; row < rows; row++) {
                    values.addValues(longs.isNull(row) ? 0 : longs.get(row));
                }
                column.setLongs(values);
            }
            case DoubleVector doubles -> {
                column.setType(ColumnType.COLUMN_TYPE_DOUBLE);
                PackedDoubles.Builder values = PackedDoubles.newBuilder();
                for (int row = 0; row < rows; row++) {
                    values.addValues(doubles.isNull(row) ? 0 : doubles.get(row));
                }
                column.setDoubles(values);
            }
            case BooleanVector booleans -> {
                column.setType(ColumnType.COLUMN_TYPE_BOOLEAN);
                byte[] bits = new byte[(rows + 7) / 8];
                for (int row = 0; row < rows; row++) {
                    if (!booleans.isNull(row) && booleans.get(row)) {
                        bits[row >>> 3] |= (byte) (1 << (row & 7));
                    }
                }
                column.setBooleans(PackedBooleans.newBuilder().setBits(ByteString.copyFrom(bits)));
            }
            case VarcharVector strings -> {
                column.setType(ColumnType.COLUMN_TYPE_VARCHAR);
                DictionaryStrings.Builder values = DictionaryStrings.newBuilder();
                for (int id = 0; id < strings.dictionarySize(); id++) {
                    values.addDictionary(strings.dictionaryValue(id));
                }
                for (int row = 0; row < rows; row++) {
                    values.addIds(strings.isNull(row) ? 0 : strings.id(row));
                }
                column.setStrings(values);
            }
            case io.strata.core.batch.ObjectVector composite -> throw new IllegalArgumentException(
                    "a fragment result cannot carry the composite column '" + name + "' yet");
        }
        return column.build();
    }

    private static ByteString bitmap(ColumnVector vector, int rows) {
        byte[] bits = new byte[(rows + 7) / 8];
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                bits[row >>> 3] |= (byte) (1 << (row & 7));
            }
        }
        return ByteString.copyFrom(bits);
    }

    /** The batch a message carries; a malformed message (a bug on the sender) is an internal error. */
    public static ColumnBatch decode(ColumnBatchMessage message) {
        int rows = message.getRowCount();
        ColumnBatch.Builder batch = ColumnBatch.builder(rows);
        for (io.strata.internal.v1.ColumnVector column : message.getColumnsList()) {
            batch.add(column.getName(), decode(column, rows));
        }
        return batch.build();
    }

    private static ColumnVector decode(io.strata.internal.v1.ColumnVector column, int rows) {
        byte[] nullBits = column.getNullBitmap().toByteArray();
        return switch (column.getType()) {
            case COLUMN_TYPE_BIGINT, COLUMN_TYPE_TIMESTAMP, COLUMN_TYPE_DATE, COLUMN_TYPE_TIME, COLUMN_TYPE_INTEGER,
                 COLUMN_TYPE_INTERVAL_DAY_TO_SECOND, COLUMN_TYPE_INTERVAL_YEAR_TO_MONTH -> {
                check(column, column.getLongs().getValuesCount(), rows);
                LongVector.Builder vector = new LongVector.Builder(column.getType() == ColumnType.COLUMN_TYPE_TIMESTAMP
                        ? io.strata.core.batch.ColumnType.TIMESTAMP : io.strata.core.batch.ColumnType.BIGINT, rows);
                for (int row = 0; row < rows; row++) {
                    if (bitSet(nullBits, row)) {
                        vector.appendNull();
                    } else {
                        vector.append(column.getLongs().getValues(row));
                    }
                }
                yield vector.build();
            }
            case COLUMN_TYPE_DOUBLE -> {
                check(column, column.getDoubles().getValuesCount(), rows);
                if (nullBits.length == 0) {
                    double[] values = new double[rows];
                    for (int row = 0; row < rows; row++) {
                        values[row] = column.getDoubles().getValues(row);
                    }
                    yield DoubleVector.wrap(values, rows, NullMask.NONE);
                }
                DoubleVector.Builder vector = new DoubleVector.Builder(rows);
                for (int row = 0; row < rows; row++) {
                    if (bitSet(nullBits, row)) {
                        vector.appendNull();
                    } else {
                        vector.append(column.getDoubles().getValues(row));
                    }
                }
                yield vector.build();
            }
            case COLUMN_TYPE_BOOLEAN, COLUMN_TYPE_UNKNOWN -> {
                byte[] bits = column.getBooleans().getBits().toByteArray();
                BooleanVector.Builder vector = new BooleanVector.Builder(rows);
                for (int row = 0; row < rows; row++) {
                    if (bitSet(nullBits, row) || column.getType() == ColumnType.COLUMN_TYPE_UNKNOWN) {
                        vector.appendNull();
                    } else {
                        vector.append(bitSet(bits, row));
                    }
                }
                yield vector.build();
            }
            case COLUMN_TYPE_VARCHAR -> {
                DictionaryStrings strings = column.getStrings();
                check(column, strings.getIdsCount(), rows);
                String[] dictionary = strings.getDictionaryList().toArray(String[]::new);
                if (nullBits.length == 0) {
                    int[] ids = new int[rows];
                    for (int row = 0; row < rows; row++) {
                        ids[row] = strings.getIds(row);
                    }
                    try {
                        yield VarcharVector.wrap(ids, rows, dictionary, dictionary.length, NullMask.NONE);
                    } catch (IllegalArgumentException outside) {
                        throw malformed(column, outside.getMessage());
                    }
                }
                VarcharVector.Builder vector = new VarcharVector.Builder(rows);
                for (int row = 0; row < rows; row++) {
                    if (bitSet(nullBits, row)) {
                        vector.appendNull();
                    } else {
                        int id = strings.getIds(row);
                        if (id < 0 || id >= dictionary.length) {
                            throw malformed(column, "row " + row + " has id " + id + " outside the dictionary");
                        }
                        vector.append(dictionary[id]);
                    }
                }
                yield vector.build();
            }
            case COLUMN_TYPE_VARBINARY, COLUMN_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                    throw malformed(column, "type " + column.getType() + " is not carried between nodes");
        };
    }

    private static boolean bitSet(byte[] bits, int row) {
        int index = row >>> 3;
        return index < bits.length && (bits[index] & (1 << (row & 7))) != 0;
    }

    private static void check(io.strata.internal.v1.ColumnVector column, int values, int rows) {
        if (values != rows) {
            throw malformed(column, values + " values for " + rows + " rows");
        }
    }

    private static InternalServerException malformed(io.strata.internal.v1.ColumnVector column, String problem) {
        return new InternalServerException("Malformed column batch from a shard: column '" + column.getName() + "': "
                + problem);
    }
}
