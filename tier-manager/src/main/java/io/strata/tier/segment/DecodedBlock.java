package io.strata.tier.segment;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import java.util.Arrays;
import java.util.List;

/**
 * The caller's reusable arrays one block decodes into: times, versions and each projected value
 * column with its null flags. Arrays grow to the largest block seen and are reused, so decoding
 * block after block allocates nothing per row. Not thread-safe: one per scanning thread.
 */
public final class DecodedBlock {
    private final BlockDecoder decoder = new BlockDecoder();
    private long[] times = new long[0];
    private long[] versions = new long[0];
    private int rowCount;
    private List<ColumnDescriptor> descriptors = List.of();
    private boolean[] decoded = new boolean[0];
    private long[][] longs = new long[0][];
    private double[][] doubles = new double[0][];
    private boolean[][] booleans = new boolean[0][];
    private String[][] strings = new String[0][];
    private boolean[][] nulls = new boolean[0][];

    BlockDecoder decoder() {
        return decoder;
    }

    /** Sizes the arrays for a block of {@code rows} rows of these columns and forgets the old rows. */
    void prepare(List<ColumnDescriptor> columns, int rows) {
        descriptors = columns;
        rowCount = rows;
        if (times.length < rows) {
            times = new long[rows];
            versions = new long[rows];
        }
        int columnCount = columns.size();
        if (decoded.length < columnCount) {
            decoded = Arrays.copyOf(decoded, columnCount);
            longs = Arrays.copyOf(longs, columnCount);
            doubles = Arrays.copyOf(doubles, columnCount);
            booleans = Arrays.copyOf(booleans, columnCount);
            strings = Arrays.copyOf(strings, columnCount);
            nulls = Arrays.copyOf(nulls, columnCount);
        }
        Arrays.fill(decoded, false);
    }

    long[] timeArray() {
        return times;
    }

    long[] versionArray() {
        return versions;
    }

    boolean[] nullArray(int column) {
        if (nulls[column] == null || nulls[column].length < rowCount) {
            nulls[column] = new boolean[rowCount];
        }
        return nulls[column];
    }

    long[] longArray(int column) {
        if (longs[column] == null || longs[column].length < rowCount) {
            longs[column] = new long[rowCount];
        }
        return longs[column];
    }

    double[] doubleArray(int column) {
        if (doubles[column] == null || doubles[column].length < rowCount) {
            doubles[column] = new double[rowCount];
        }
        return doubles[column];
    }

    boolean[] booleanArray(int column) {
        if (booleans[column] == null || booleans[column].length < rowCount) {
            booleans[column] = new boolean[rowCount];
        }
        return booleans[column];
    }

    String[] stringArray(int column) {
        if (strings[column] == null || strings[column].length < rowCount) {
            strings[column] = new String[rowCount];
        }
        return strings[column];
    }

    void markDecoded(int column) {
        decoded[column] = true;
    }

    public int rowCount() {
        return rowCount;
    }

    public long time(int row) {
        return times[row];
    }

    public long version(int row) {
        return versions[row];
    }

    /** The block's value columns, projected or not, in the series' order. */
    public List<ColumnDescriptor> columns() {
        return descriptors;
    }

    /** Whether column {@code column} was decoded (it was projected). */
    public boolean isDecoded(int column) {
        return decoded[column];
    }

    public boolean isNull(int column, int row) {
        return nulls[column][row];
    }

    /** A BIGINT or TIMESTAMP value. */
    public long longValue(int column, int row) {
        return longs[column][row];
    }

    public double doubleValue(int column, int row) {
        return doubles[column][row];
    }

    public boolean booleanValue(int column, int row) {
        return booleans[column][row];
    }

    public String stringValue(int column, int row) {
        return strings[column][row];
    }

    /**
     * A batch of the rows: {@code time}, then every decoded value column under its name. The
     * batch owns copies: this block may be reused right after.
     */
    public ColumnBatch toColumnBatch() {
        ColumnBatch.Builder batch = ColumnBatch.builder(rowCount)
                .add("time", LongVector.of(ColumnType.TIMESTAMP, Arrays.copyOf(times, rowCount)));
        for (int c = 0; c < descriptors.size(); c++) {
            if (decoded[c]) {
                batch.add(descriptors.get(c).name(), vector(c));
            }
        }
        return batch.build();
    }

    /** The versions of the rows, as a vector (a copy). */
    public LongVector versionVector() {
        return LongVector.of(ColumnType.BIGINT, Arrays.copyOf(versions, rowCount));
    }

    private io.strata.core.batch.ColumnVector vector(int column) {
        boolean[] isNull = nulls[column];
        return switch (descriptors.get(column).type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
            case BIGINT, TIMESTAMP -> {
                LongVector.Builder builder = new LongVector.Builder(descriptors.get(column).type(), rowCount);
                for (int row = 0; row < rowCount; row++) {
                    if (isNull[row]) {
                        builder.appendNull();
                    } else {
                        builder.append(longs[column][row]);
                    }
                }
                yield builder.build();
            }
            case DOUBLE -> {
                DoubleVector.Builder builder = new DoubleVector.Builder(rowCount);
                for (int row = 0; row < rowCount; row++) {
                    if (isNull[row]) {
                        builder.appendNull();
                    } else {
                        builder.append(doubles[column][row]);
                    }
                }
                yield builder.build();
            }
            case BOOLEAN -> {
                BooleanVector.Builder builder = new BooleanVector.Builder(rowCount);
                for (int row = 0; row < rowCount; row++) {
                    if (isNull[row]) {
                        builder.appendNull();
                    } else {
                        builder.append(booleans[column][row]);
                    }
                }
                yield builder.build();
            }
            case VARCHAR -> {
                VarcharVector.Builder builder = new VarcharVector.Builder(rowCount);
                for (int row = 0; row < rowCount; row++) {
                    if (isNull[row]) {
                        builder.appendNull();
                    } else {
                        builder.append(strings[column][row]);
                    }
                }
                yield builder.build();
            }
        };
    }
}
