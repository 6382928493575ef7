package io.strata.query.operator;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x IN (subquery)}: builds the set of the subquery's values, then appends to each row of
 * the source TRUE (found), NULL (not found, but x or a subquery value is NULL) or FALSE.
 */
public final class SemiJoinOperator implements Operator {
    private final Operator source;
    private final Operator filtering;
    private final int sourceChannel;
    private final int filteringChannel;
    private final List<SqlType> filteringTypes;
    private final OperatorContext context;
    private GroupByHash set;
    private boolean filteringHasNull;
    private boolean filteringEmpty;

    public SemiJoinOperator(Operator source, Operator filtering, int sourceChannel, int filteringChannel,
                            List<SqlType> filteringTypes, OperatorContext context) {
        this.source = source;
        this.filtering = filtering;
        this.sourceChannel = sourceChannel;
        this.filteringChannel = filteringChannel;
        this.filteringTypes = filteringTypes;
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (set == null) {
            ColumnBatch values = Batches.drain(filtering, filteringTypes, context);
            ColumnVector column = values.column(filteringChannel);
            set = new GroupByHash(List.of(filteringTypes.get(filteringChannel)));
            ColumnVector[] keys = {column};
            for (int row = 0; row < values.rowCount(); row++) {
                if (column.isNull(row)) {
                    filteringHasNull = true;
                } else {
                    set.groupId(keys, row, true);
                }
            }
            filteringEmpty = values.rowCount() == 0;
        }
        ColumnBatch batch = source.next();
        if (batch == null) {
            return null;
        }
        ColumnVector[] probe = {batch.column(sourceChannel)};
        BooleanVector.Builder out = new BooleanVector.Builder(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            if (filteringEmpty) {
                out.append(false);
            } else if (probe[0].isNull(row)) {
                out.appendNull();
            } else if (set.groupId(probe, row, false) >= 0) {
                out.append(true);
            } else if (filteringHasNull) {
                out.appendNull();
            } else {
                out.append(false);
            }
        }
        List<ColumnVector> columns = new ArrayList<>(batch.columns());
        columns.add(out.build());
        return io.strata.query.expression.Vectors.batch(batch.rowCount(), columns);
    }

    @Override
    public void close() {
        source.close();
        filtering.close();
    }
}
