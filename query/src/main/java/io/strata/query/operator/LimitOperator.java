package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import java.util.List;

/** OFFSET then LIMIT: skips {@code offset} rows and passes at most {@code count}. */
public final class LimitOperator implements Operator {
    private final Operator source;
    private final List<SqlType> types;
    private long toSkip;
    private long remaining;

    public LimitOperator(Operator source, List<SqlType> types, long offset, long count) {
        this.source = source;
        this.types = types;
        this.toSkip = offset;
        this.remaining = count;
    }

    @Override
    public ColumnBatch next() {
        while (remaining > 0) {
            ColumnBatch batch = source.next();
            if (batch == null) {
                return null;
            }
            int start = (int) Math.min(toSkip, batch.rowCount());
            toSkip -= start;
            int count = (int) Math.min(remaining, batch.rowCount() - start);
            if (count <= 0) {
                continue;
            }
            remaining -= count;
            if (start == 0 && count == batch.rowCount()) {
                return batch;
            }
            int[] positions = new int[count];
            for (int index = 0; index < count; index++) {
                positions[index] = start + index;
            }
            return Vectors.gather(batch, types, positions, count);
        }
        return null;
    }

    @Override
    public void close() {
        source.close();
    }
}
