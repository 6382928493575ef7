package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.expression.aggregate.GroupedAccumulator;
import io.strata.query.plan.PlanNode.AggregationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY with aggregates, vectorized: per input batch, one array of group ids from the
 * {@link GroupByHash}, then each accumulator updates its primitive state arrays for the whole batch.
 * In a PARTIAL step it outputs partial states, in a FINAL step it merges them. Without group keys
 * there is exactly one group, even over no rows (so {@code count(*)} of nothing is 0).
 */
public final class HashAggregationOperator implements Operator {
    private static final int OUTPUT_BATCH_ROWS = 4096;

    private final Operator source;
    private final int[] groupChannels;
    private final List<SqlType> groupTypes;
    private final List<AggregateFunction> functions;
    private final List<Boolean> distinct;
    private final List<int[]> inputChannels;
    private final AggregationStep step;
    private final OperatorContext context;
    private final List<SqlType> outputTypes;
    private List<ColumnBatch> output;
    private int outputIndex;

    public HashAggregationOperator(Operator source, List<Integer> groupChannels, List<SqlType> groupTypes,
                                   List<AggregateFunction> functions, List<Boolean> distinct, List<List<Integer>> inputChannels,
                                   AggregationStep step, List<SqlType> outputTypes, OperatorContext context) {
        this.source = source;
        this.groupChannels = groupChannels.stream().mapToInt(Integer::intValue).toArray();
        this.groupTypes = List.copyOf(groupTypes);
        this.functions = List.copyOf(functions);
        this.distinct = List.copyOf(distinct);
        this.inputChannels = inputChannels.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
        this.step = step;
        this.outputTypes = List.copyOf(outputTypes);
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (output == null) {
            output = Batches.slices(aggregate(), outputTypes, OUTPUT_BATCH_ROWS);
        }
        return outputIndex < output.size() ? output.get(outputIndex++) : null;
    }

    private ColumnBatch aggregate() {
        GroupByHash hash = new GroupByHash(groupTypes);
        List<GroupedAccumulator> accumulators = new ArrayList<>();
        for (int index = 0; index < functions.size(); index++) {
            AggregateFunction function = functions.get(index);
            accumulators.add(distinct.get(index)
                    ? new DistinctAccumulator(function.createAccumulator(), function.argumentTypes())
                    : function.createAccumulator());
        }
        int[] groupIds = new int[1024];
        ColumnVector[] keys = new ColumnVector[groupChannels.length];
        long reserved = 0;
        for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
            context.checkRunning();
            int rows = batch.rowCount();
            if (groupIds.length < rows) {
                groupIds = new int[rows];
            }
            for (int index = 0; index < keys.length; index++) {
                keys[index] = batch.column(groupChannels[index]);
            }
            hash.groupIds(keys, rows, groupIds);
            for (int index = 0; index < accumulators.size(); index++) {
                int[] channels = inputChannels.get(index);
                ColumnVector[] arguments = new ColumnVector[channels.length];
                for (int argument = 0; argument < channels.length; argument++) {
                    arguments[argument] = batch.column(channels[argument]);
                }
                if (step == AggregationStep.FINAL) {
                    accumulators.get(index).addIntermediate(groupIds, hash.groupCount(), arguments, rows);
                } else {
                    accumulators.get(index).addInput(groupIds, hash.groupCount(), arguments, rows);
                }
            }
            long bytes = hash.estimatedBytes();
            for (GroupedAccumulator accumulator : accumulators) {
                bytes += accumulator.estimatedBytes();
            }
            context.adjustMemory(bytes - reserved);
            reserved = bytes;
        }
        if (groupChannels.length == 0 && hash.groupCount() == 0) {
            hash.groupIds(keys, 1, groupIds); // the one group of a global aggregation
        }
        int groups = hash.groupCount();
        List<ColumnVector> columns = new ArrayList<>(List.of(hash.keyVectors()));
        for (GroupedAccumulator accumulator : accumulators) {
            if (step == AggregationStep.PARTIAL) {
                columns.addAll(accumulator.intermediate(groups));
            } else {
                columns.add(accumulator.result(groups));
            }
        }
        context.adjustMemory(-reserved);
        return Vectors.batch(groups, columns);
    }

    @Override
    public void close() {
        source.close();
    }
}
