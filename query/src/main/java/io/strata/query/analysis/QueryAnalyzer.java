package io.strata.query.analysis;

import io.strata.core.error.ValidationException;
import io.strata.core.schema.TableColumn;
import io.strata.core.schema.TableSchema;
import io.strata.query.catalog.Catalog;
import io.strata.query.catalog.QueryTable;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.ExpressionCompiler;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.RowExpression;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.function.time.QueryClock;
import io.strata.query.parse.ParsedStatement;
import io.strata.query.plan.AggregateCall;
import io.strata.query.plan.PlanNode;
import io.strata.query.plan.PlanNode.AggregationStep;
import io.strata.query.plan.QueryPlan;
import io.strata.query.plan.ScanSpec;
import io.strata.query.plan.TimeRange;
import io.trino.sql.tree.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a parsed SELECT into a logical {@link QueryPlan}: resolves tables against the
 * {@link Catalog} and names against scopes, types every expression, checks aggregation and
 * grouping, and plans subqueries, joins, set operations, window functions, ORDER BY and LIMIT.
 * Every user error is a {@link ValidationException} at the user's line:column.
 *
 * <p>Thread-safe: holds only the catalog and functions; each call plans independently.
 */
public final class QueryAnalyzer {
    private final Catalog catalog;
    private final FunctionResolver functions;

    public QueryAnalyzer(Catalog catalog, FunctionResolver functions) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /**
     * Plans {@code statement}. {@code now()} and {@code ago()} are read from {@code clock};
     * {@code parameters} give named parameters' values ({@code scheduled_runtime}, in nanoseconds).
     */
    public QueryPlan analyze(ParsedStatement.Select statement, QueryClock clock, Map<String, Long> parameters) {
        AnalysisContext context = new AnalysisContext(statement, catalog, functions, clock, Map.copyOf(parameters));
        QueryPlanner planner = new QueryPlanner(context, new ExpressionCompiler(functions));
        Query query = statement.query();
        RelationPlan plan = planner.planQuery(query, CommonTableExpressions.NONE);
        List<String> names = plan.scope().fields().stream()
                .map(field -> field.name().orElse(""))
                .toList();
        return new QueryPlan(plan.node(), columnNames(names));
    }

    /** Unnamed result columns are {@code _col0}, {@code _col1}, ... by position, as in Trino. */
    private static List<String> columnNames(List<String> names) {
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            result.add(names.get(index).isEmpty() ? "_col" + index : names.get(index));
        }
        return result;
    }

    static PlanNode.TableScan scan(TableName name, TableSchema schema) {
        QueryTable table = QueryTable.of(name, schema);
        List<String> columns = table.columns().stream().map(TableColumn::name).toList();
        List<SqlType> types = table.columns().stream().map(column -> SqlType.of(column.type())).toList();
        return new PlanNode.TableScan(new ScanSpec(name, columns, TimeRange.ALL, Map.of()), types);
    }

    static PlanNode.Aggregate aggregate(PlanNode source, List<Integer> groupChannels, List<AggregateFunction> functions,
                                        List<List<Integer>> inputs, List<Boolean> distinct) {
        List<SqlType> groupTypes = groupChannels.stream().map(channel -> source.outputTypes().get(channel)).toList();
        List<AggregateCall> calls = new java.util.ArrayList<>();
        List<List<SqlType>> outputs = new java.util.ArrayList<>();
        for (int index = 0; index < functions.size(); index++) {
            AggregateFunction function = functions.get(index);
            calls.add(new AggregateCall(function.name(), function.argumentTypes(), inputs.get(index), distinct.get(index)));
            outputs.add(List.of(function.outputType()));
        }
        return new PlanNode.Aggregate(source, groupChannels, calls, AggregationStep.SINGLE, groupTypes, outputs);
    }

    static RowExpression reference(int channel, SqlType type) {
        return new RowExpression.InputReference(channel, type);
    }
}
