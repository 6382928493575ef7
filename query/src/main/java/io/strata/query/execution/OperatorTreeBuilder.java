package io.strata.query.execution;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.ExpressionCompiler;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import io.strata.query.expression.VectorEvaluator;
import io.strata.query.expression.Vectors;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.operator.BatchListOperator;
import io.strata.query.operator.EnforceSingleRowOperator;
import io.strata.query.operator.FilterOperator;
import io.strata.query.operator.HashAggregationOperator;
import io.strata.query.operator.HashJoinOperator;
import io.strata.query.operator.LimitOperator;
import io.strata.query.operator.Operator;
import io.strata.query.operator.ProjectOperator;
import io.strata.query.operator.UnnestOperator;
import io.strata.query.operator.ScanOperator;
import io.strata.query.operator.ScanSource;
import io.strata.query.operator.SemiJoinOperator;
import io.strata.query.operator.SetOperationOperator;
import io.strata.query.operator.SortOperator;
import io.strata.query.operator.WindowOperator;
import io.strata.query.plan.AggregateCall;
import io.strata.query.plan.PlanNode;
import io.strata.query.plan.PlanNode.AggregationStep;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Builds the operator tree that runs a plan: one operator per plan node, expressions compiled. */
final class OperatorTreeBuilder {
    private final FunctionResolver functions;
    private final ExpressionCompiler compiler;
    private final Function<TableName, ScanSource> tables;
    private final IntFunction<Iterator<ColumnBatch>> remoteSources;
    private final QueryContext context;

    OperatorTreeBuilder(FunctionResolver functions, Function<TableName, ScanSource> tables,
                        IntFunction<Iterator<ColumnBatch>> remoteSources, QueryContext context) {
        this.functions = functions;
        this.compiler = new ExpressionCompiler(functions);
        this.tables = tables;
        this.remoteSources = remoteSources;
        this.context = context;
    }

    Operator build(PlanNode node) {
        return switch (node) {
            case PlanNode.TableScan scan -> {
                ScanSource source = tables.apply(scan.spec().table());
                if (source == null) {
                    throw new QueryExecutionException("No data source for table " + scan.spec().table());
                }
                yield new ScanOperator(scan.spec(), source, context);
            }
            case PlanNode.Filter filter -> new FilterOperator(build(filter.source()), compile(filter.predicate()),
                    filter.source().outputTypes());
            case PlanNode.Project project -> new ProjectOperator(build(project.source()),
                    project.expressions().stream().map(this::compile).toList());
            case PlanNode.Aggregate aggregate -> aggregation(aggregate);
            case PlanNode.Sort sort -> new SortOperator(build(sort.source()), sort.keys(), sort.outputTypes(), sort.limit(), context);
            case PlanNode.Limit limit -> new LimitOperator(build(limit.source()), limit.outputTypes(), limit.offset(),
                    limit.count().orElse(Long.MAX_VALUE));
            case PlanNode.Join join -> new HashJoinOperator(join.type(), build(join.left()), build(join.right()), join.leftKeys(),
                    join.rightKeys(), join.residual() == null ? null : compile(join.residual()), join.left().outputTypes(),
                    join.right().outputTypes(), context);
            case PlanNode.SemiJoin semiJoin -> new SemiJoinOperator(build(semiJoin.source()), build(semiJoin.filtering()),
                    semiJoin.sourceChannel(), semiJoin.filteringChannel(), semiJoin.filtering().outputTypes(), context);
            case PlanNode.Window window -> new WindowOperator(build(window.source()), window.partitionChannels(), window.order(),
                    window.calls(), window.source().outputTypes(), functions, context);
            case PlanNode.SetOperation setOperation -> new SetOperationOperator(setOperation.kind(), setOperation.distinct(),
                    setOperation.inputs().stream().map(this::build).toList(), setOperation.outputTypes(), context);
            case PlanNode.Values values -> new BatchListOperator(List.of(valuesBatch(values)).iterator(), context);
            case PlanNode.Unnest unnest -> new UnnestOperator(build(unnest.source()), unnest.source().outputTypes(), unnest.channel(),
                    unnest.elementTypes(), context);
            case PlanNode.EnforceSingleRow single -> new EnforceSingleRowOperator(build(single.source()), single.outputTypes(), context);
            case PlanNode.RemoteSource remote -> new BatchListOperator(remoteSources.apply(remote.fragmentId()), context);
        };
    }

    private VectorEvaluator compile(RowExpression expression) {
        return compiler.compile(expression);
    }

    private Operator aggregation(PlanNode.Aggregate aggregate) {
        List<AggregateFunction> resolved = new ArrayList<>();
        List<List<Integer>> inputs = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        for (AggregateCall call : aggregate.calls()) {
            resolved.add(functions.resolveAggregate(call.name(), call.argumentTypes())
                    .orElseThrow(() -> new QueryExecutionException("Unknown aggregate " + call.name() + call.argumentTypes())));
            inputs.add(call.inputChannels());
            distinct.add(call.distinct());
        }
        List<Integer> groupChannels = aggregate.step() == AggregationStep.FINAL
                ? java.util.stream.IntStream.range(0, aggregate.groupTypes().size()).boxed().toList()
                : aggregate.groupChannels();
        return new HashAggregationOperator(build(aggregate.source()), groupChannels, aggregate.groupTypes(), resolved, distinct,
                inputs, aggregate.step(), aggregate.outputTypes(), context);
    }

    private static ColumnBatch valuesBatch(PlanNode.Values values) {
        List<ColumnVector> columns = new ArrayList<>();
        for (int channel = 0; channel < values.outputTypes().size(); channel++) {
            SqlType type = values.outputTypes().get(channel);
            VectorBuilder builder = new VectorBuilder(type, values.rows().size());
            for (List<Object> row : values.rows()) {
                builder.appendObject(row.get(channel));
            }
            columns.add(builder.build());
        }
        if (columns.isEmpty()) {
            return new ColumnBatch(values.rows().size(), List.of(), List.of());
        }
        return Vectors.batch(values.rows().size(), columns);
    }
}
