package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.expression.Vectors;
import java.util.ArrayList;
import java.util.List;

/** Materialising whole inputs for blocking operators. */
final class Batches {
    private Batches() {}

    /** All of an operator's output as one batch (counted against the memory budget). */
    static ColumnBatch drain(Operator source, List<SqlType> types, OperatorContext context) {
        List<ColumnBatch> batches = new ArrayList<>();
        long bytes = 0;
        for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
            context.checkRunning();
            if (batch.rowCount() > 0) {
                batches.add(batch);
                long size = Vectors.estimatedBytes(batch);
                bytes += size;
                context.adjustMemory(size);
            }
        }
        ColumnBatch all = concat(types, batches);
        context.adjustMemory(Vectors.estimatedBytes(all) - bytes);
        return all;
    }

    static ColumnBatch concat(List<SqlType> types, List<ColumnBatch> batches) {
        if (batches.size() == 1) {
            return batches.getFirst();
        }
        int rows = 0;
        for (ColumnBatch batch : batches) {
            rows += batch.rowCount();
        }
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (int channel = 0; channel < types.size(); channel++) {
            VectorBuilder builder = new VectorBuilder(types.get(channel), rows);
            for (ColumnBatch batch : batches) {
                ColumnVector column = batch.column(channel);
                for (int row = 0; row < batch.rowCount(); row++) {
                    builder.appendFrom(column, row);
                }
            }
            columns.add(builder.build());
        }
        return Vectors.batch(rows, columns);
    }

    static ColumnBatch empty(List<SqlType> types) {
        List<ColumnVector> columns = new ArrayList<>(types.size());
        for (SqlType type : types) {
            columns.add(new VectorBuilder(type, 1).build());
        }
        return Vectors.batch(0, columns);
    }

    /** The batch's rows in slices of at most {@code size} rows. */
    static List<ColumnBatch> slices(ColumnBatch batch, List<SqlType> types, int size) {
        if (batch.rowCount() <= size) {
            return List.of(batch);
        }
        List<ColumnBatch> slices = new ArrayList<>();
        int[] positions = new int[size];
        for (int start = 0; start < batch.rowCount(); start += size) {
            int count = Math.min(size, batch.rowCount() - start);
            for (int index = 0; index < count; index++) {
                positions[index] = start + index;
            }
            slices.add(Vectors.gather(batch, types, positions, count));
        }
        return slices;
    }
}
