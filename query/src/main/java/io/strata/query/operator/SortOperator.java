package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import io.strata.query.plan.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * ORDER BY, and top-N when a limit is given: with a limit, whenever the buffered rows reach
 * twice the limit they are sorted and cut back to the limit, so memory stays proportional to N
 * rather than to the input.
 */
public final class SortOperator implements Operator {
    private static final int OUTPUT_BATCH_ROWS = 4096;

    private final Operator source;
    private final List<SortKey> keys;
    private final List<SqlType> types;
    private final OptionalLong limit;
    private final OperatorContext context;
    private List<ColumnBatch> output;
    private int outputIndex;

    public SortOperator(Operator source, List<SortKey> keys, List<SqlType> types, OptionalLong limit, OperatorContext context) {
        this.source = source;
        this.keys = List.copyOf(keys);
        this.types = List.copyOf(types);
        this.limit = limit;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (output == null) {
            output = Batches.slices(sortAll(), types, OUTPUT_BATCH_ROWS);
        }
        return outputIndex < output.size() ? output.get(outputIndex++) : null;
    }

    private ColumnBatch sortAll() {
        List<ColumnBatch> buffered = new ArrayList<>();
        long bufferedRows = 0;
        long bytes = 0;
        long threshold = limit.isPresent() ? Math.max(1024, 2 * limit.getAsLong()) : Long.MAX_VALUE;
        for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
            context.checkRunning();
            buffered.add(batch);
            bufferedRows += batch.rowCount();
            long size = Vectors.estimatedBytes(batch);
            bytes += size;
            context.adjustMemory(size);
            if (bufferedRows >= threshold) {
                ColumnBatch kept = sortAndCut(Batches.concat(types, buffered));
                buffered.clear();
                buffered.add(kept);
                bufferedRows = kept.rowCount();
                long keptBytes = Vectors.estimatedBytes(kept);
                context.adjustMemory(keptBytes - bytes);
                bytes = keptBytes;
            }
        }
        ColumnBatch result = buffered.isEmpty() ? Batches.empty(types) : sortAndCut(Batches.concat(types, buffered));
        context.adjustMemory(-bytes);
        return result;
    }

    private ColumnBatch sortAndCut(ColumnBatch all) {
        int[] positions = new RowOrdering(all, keys).sortedPositions(all.rowCount());
        int count = (int) Math.min(all.rowCount(), limit.orElse(Long.MAX_VALUE));
        return Vectors.gather(all, types, positions, count);
    }

    @Override
    public void close() {
        source.close();
    }
}
