package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.NullMask;
import io.strata.core.batch.VarcharVector;
import io.strata.query.expression.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_distinct(x)}: a HyperLogLog sketch per group with 2^11 registers (standard error
 * 1.04/sqrt(2048) = 2.3%, Timestream's default), linear counting while registers are empty.
 * Partial state: the registers as a VARCHAR of one ISO-8859-1 char per register; merging takes the
 * register-wise maximum, so shards' sketches merge in any order.
 */
final class ApproximateDistinctAccumulator implements GroupedAccumulator {
    static final int INDEX_BITS = 11;
    static final int REGISTERS = 1 << INDEX_BITS;

    private byte[][] sketches = new byte[0][];

    private byte[] sketch(int group) {
        if (group >= sketches.length) {
            sketches = Arrays.copyOf(sketches, Math.max(group + 1, sketches.length * 2));
        }
        byte[] sketch = sketches[group];
        if (sketch == null) {
            sketch = new byte[REGISTERS];
            sketches[group] = sketch;
        }
        return sketch;
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        ColumnVector input = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                continue;
            }
            long hash = Vectors.mix(Vectors.hash(input, row) ^ 0x5bd1e995L);
            int register = (int) (hash >>> (64 - INDEX_BITS));
            int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
            byte[] sketch = sketch(groupIds[row]);
            if (rank > sketch[register]) {
                sketch[register] = (byte) rank;
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        VarcharVector partial = (VarcharVector) states[0];
        for (int row = 0; row < rowCount; row++) {
            if (partial.isNull(row)) {
                continue;
            }
            byte[] other = partial.get(row).getBytes(StandardCharsets.ISO_8859_1);
            byte[] sketch = sketch(groupIds[row]);
            for (int register = 0; register < REGISTERS; register++) {
                sketch[register] = (byte) Math.max(sketch[register], other[register]);
            }
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        VarcharVector.Builder out = new VarcharVector.Builder(groupCount);
        for (int group = 0; group < groupCount; group++) {
            out.append(new String(sketch(group), StandardCharsets.ISO_8859_1));
        }
        return List.of(out.build());
    }

    @Override
    public ColumnVector result(int groupCount) {
        long[] estimates = new long[groupCount];
        for (int group = 0; group < groupCount; group++) {
            estimates[group] = estimate(sketch(group));
        }
        return LongVector.wrap(ColumnType.BIGINT, estimates, groupCount, NullMask.NONE);
    }

    static long estimate(byte[] sketch) {
        double sum = 0;
        int zeros = 0;
        for (byte rank : sketch) {
            sum += Math.scalb(1.0, -rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double estimate = alpha * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.round(estimate);
    }

    @Override
    public long estimatedBytes() {
        long bytes = sketches.length * 8L;
        for (byte[] sketch : sketches) {
            bytes += sketch == null ? 0 : REGISTERS;
        }
        return bytes;
    }
}
