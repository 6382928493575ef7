package io.strata.query.execution;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.StrataException;
import io.strata.query.catalog.TableName;
import io.strata.query.expression.FunctionResolver;
import io.strata.query.expression.Vectors;
import io.strata.query.operator.Operator;
import io.strata.query.operator.ScanSource;
import io.strata.query.plan.DistributedPlan;
import io.strata.query.plan.PlanNode;
import io.strata.query.plan.QueryPlan;
import io.strata.query.plan.ScanPushdown;
import io.strata.query.plan.ShardFragment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs plans: a whole plan locally over a {@link ScanSource} per table (single node, tests), a
 * shard fragment on a shard, or a distributed plan on the coordinator, whose fragments run
 * through a {@link FragmentRunner} and whose partial results it merges. Thread-safe; each call
 * runs on the calling thread.
 */
public final class QueryExecutor {
    private final FunctionResolver functions;

    public QueryExecutor(FunctionResolver functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /** Runs {@code plan} with every table read locally. */
    public QueryResult execute(QueryPlan plan, Function<TableName, ScanSource> tables, QueryContext context) {
        PlanNode root = ScanPushdown.apply(plan.root());
        return collect(plan, new OperatorTreeBuilder(functions, tables, id -> {
            throw new IllegalStateException("a local plan has no remote sources");
        }, context).build(root), context);
    }

    /** Runs a distributed plan: fragments through {@code runner}, the rest here. */
    public QueryResult execute(DistributedPlan plan, FragmentRunner runner, QueryContext context) {
        Map<Integer, ShardFragment> fragments = plan.fragmentsById();
        OperatorTreeBuilder builder = new OperatorTreeBuilder(functions, table -> null, id -> {
            ShardFragment fragment = fragments.get(id);
            if (fragment == null) {
                throw new IllegalStateException("no fragment " + id);
            }
            return runner.run(fragment, context);
        }, context);
        return collect(new QueryPlan(plan.coordinatorRoot(), plan.columnNames()), builder.build(plan.coordinatorRoot()), context);
    }

    /** Runs a shard fragment over this shard's tables: what a shard does for the internal RPC. */
    public Iterator<ColumnBatch> executeFragment(ShardFragment fragment, Function<TableName, ScanSource> tables, QueryContext context) {
        Operator operator = new OperatorTreeBuilder(functions, tables, id -> {
            throw new IllegalStateException("a fragment has no remote sources");
        }, context).build(fragment.root());
        return new Iterator<>() {
            private ColumnBatch next = advance();

            private ColumnBatch advance() {
                ColumnBatch batch = operator.next();
                if (batch == null) {
                    operator.close();
                }
                return batch;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ColumnBatch next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                ColumnBatch result = next;
                next = advance();
                return result;
            }
        };
    }

    private static QueryResult collect(QueryPlan plan, Operator operator, QueryContext context) {
        List<ResultColumn> columns = new ArrayList<>();
        for (int index = 0; index < plan.columnNames().size(); index++) {
            columns.add(new ResultColumn(plan.columnNames().get(index), plan.root().outputTypes().get(index)));
        }
        List<List<Object>> rows = new ArrayList<>();
        try (operator) {
            for (ColumnBatch batch = operator.next(); batch != null; batch = operator.next()) {
                context.checkRunning();
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> values = new ArrayList<>(batch.columnCount());
                    for (int column = 0; column < batch.columnCount(); column++) {
                        values.add(Vectors.value(batch.column(column), row));
                    }
                    rows.add(values);
                }
            }
        } catch (StrataException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new QueryExecutionException(e.getMessage(), e);
        }
        return new QueryResult(columns, rows);
    }
}
