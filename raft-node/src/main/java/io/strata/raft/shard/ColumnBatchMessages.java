package io.strata.raft.shard;

import com.google.protobuf.ByteString;
import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.internal.v1.ColumnBatchMessage;
import io.strata.internal.v1.ColumnType;
import io.strata.internal.v1.DictionaryStrings;
import io.strata.internal.v1.PackedBooleans;
import io.strata.internal.v1.PackedDoubles;
import io.strata.internal.v1.PackedLongs;

/**
 * Converts a {@link ColumnBatch} to and from its wire form, {@link ColumnBatchMessage}: dense
 * vectors with a null bitmap, strings as the vector's own dictionary and ids. Stateless.
 */
final class ColumnBatchMessages {
    private ColumnBatchMessages() {}

    static ColumnBatchMessage toMessage(ColumnBatch batch) {
        ColumnBatchMessage.Builder message = ColumnBatchMessage.newBuilder().setRowCount(batch.rowCount());
        for (int column = 0; column < batch.columnCount(); column++) {
            ColumnVector vector = batch.column(column);
            var out = message.addColumnsBuilder().setName(batch.names().get(column))
                    .setNullBitmap(nullBitmap(vector, batch.rowCount()));
            switch (vector) {
                case LongVector longs -> {
                    PackedLongs.Builder values = PackedLongs.newBuilder();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        values.addValues(longs.get(row));
                    }
                    out.setType(longs.type() == io.strata.core.batch.ColumnType.TIMESTAMP
                            ? ColumnType.COLUMN_TYPE_TIMESTAMP : ColumnType.COLUMN_TYPE_BIGINT).setLongs(values);
                }
                case DoubleVector doubles -> {
                    PackedDoubles.Builder values = PackedDoubles.newBuilder();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        values.addValues(doubles.get(row));
                    }
                    out.setType(ColumnType.COLUMN_TYPE_DOUBLE).setDoubles(values);
                }
                case BooleanVector booleans -> {
                    byte[] bits = new byte[(batch.rowCount() + 7) / 8];
                    for (int row = 0; row < batch.rowCount(); row++) {
                        if (!booleans.isNull(row) && booleans.get(row)) {
                            bits[row / 8] |= (byte) (1 << (row % 8));
                        }
                    }
                    out.setType(ColumnType.COLUMN_TYPE_BOOLEAN)
                            .setBooleans(PackedBooleans.newBuilder().setBits(ByteString.copyFrom(bits)));
                }
                case VarcharVector strings -> {
                    DictionaryStrings.Builder values = DictionaryStrings.newBuilder();
                    for (int id = 0; id < strings.dictionarySize(); id++) {
                        values.addDictionary(strings.dictionaryValue(id));
                    }
                    for (int row = 0; row < batch.rowCount(); row++) {
                        values.addIds(strings.isNull(row) ? 0 : strings.id(row));
                    }
                    out.setType(ColumnType.COLUMN_TYPE_VARCHAR).setStrings(values);
                }
                // Stored columns are scalar; arrays and time series exist only inside a query.
                case io.strata.core.batch.ObjectVector composite -> throw new IllegalArgumentException(
                        "a shard scan cannot carry the composite column '" + batch.names().get(column) + "'");
            }
        }
        return message.build();
    }

    static ColumnBatch fromMessage(ColumnBatchMessage message) {
        int rows = message.getRowCount();
        ColumnBatch.Builder batch = ColumnBatch.builder(rows);
        for (io.strata.internal.v1.ColumnVector column : message.getColumnsList()) {
            ByteString nulls = column.getNullBitmap();
            batch.add(column.getName(), switch (column.getType()) {
                case COLUMN_TYPE_BIGINT, COLUMN_TYPE_TIMESTAMP -> {
                    LongVector.Builder values = new LongVector.Builder(column.getType() == ColumnType.COLUMN_TYPE_BIGINT
                            ? io.strata.core.batch.ColumnType.BIGINT : io.strata.core.batch.ColumnType.TIMESTAMP, rows);
                    for (int row = 0; row < rows; row++) {
                        if (isSet(nulls, row)) {
                            values.appendNull();
                        } else {
                            values.append(column.getLongs().getValues(row));
                        }
                    }
                    yield values.build();
                }
                case COLUMN_TYPE_DOUBLE -> {
                    DoubleVector.Builder values = new DoubleVector.Builder(rows);
                    for (int row = 0; row < rows; row++) {
                        if (isSet(nulls, row)) {
                            values.appendNull();
                        } else {
                            values.append(column.getDoubles().getValues(row));
                        }
                    }
                    yield values.build();
                }
                case COLUMN_TYPE_BOOLEAN -> {
                    BooleanVector.Builder values = new BooleanVector.Builder(rows);
                    for (int row = 0; row < rows; row++) {
                        if (isSet(nulls, row)) {
                            values.appendNull();
                        } else {
                            values.append(isSet(column.getBooleans().getBits(), row));
                        }
                    }
                    yield values.build();
                }
                case COLUMN_TYPE_VARCHAR -> {
                    VarcharVector.Builder values = new VarcharVector.Builder(rows);
                    DictionaryStrings strings = column.getStrings();
                    for (int row = 0; row < rows; row++) {
                        if (isSet(nulls, row)) {
                            values.appendNull();
                        } else {
                            values.append(strings.getDictionary(strings.getIds(row)));
                        }
                    }
                    yield values.build();
                }
                default -> throw new IllegalArgumentException("A shard scan does not produce " + column.getType()
                        + " columns (column '" + column.getName() + "').");
            });
        }
        return batch.build();
    }

    private static ByteString nullBitmap(ColumnVector vector, int rows) {
        if (!vector.nulls().hasNulls()) {
            return ByteString.EMPTY;
        }
        byte[] bits = new byte[(rows + 7) / 8];
        for (int row = 0; row < rows; row++) {
            if (vector.isNull(row)) {
                bits[row / 8] |= (byte) (1 << (row % 8));
            }
        }
        return ByteString.copyFrom(bits);
    }

    private static boolean isSet(ByteString bits, int row) {
        return row / 8 < bits.size() && (bits.byteAt(row / 8) & (1 << (row % 8))) != 0;
    }
}
