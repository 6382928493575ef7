package io.strata.query.plan;

import io.strata.query.expression.RowExpression;
import io.strata.query.expression.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A relational operator of a logical plan. Columns are addressed by position ("channels"); each
 * node says the types of its output channels. Immutable; serializable with {@link PlanCodec}.
 */
public sealed interface PlanNode {
    List<SqlType> outputTypes();

    List<PlanNode> sources();

    /** Reads one table through a {@code ScanSource}; outputs {@code spec.columns()} in order. */
    record TableScan(ScanSpec spec, List<SqlType> outputTypes) implements PlanNode {
        public TableScan {
            Objects.requireNonNull(spec, "spec");
            outputTypes = List.copyOf(outputTypes);
        }

        @Override
        public List<PlanNode> sources() {
            return List.of();
        }
    }

    record Filter(PlanNode source, RowExpression predicate) implements PlanNode {
        @Override
        public List<SqlType> outputTypes() {
            return source.outputTypes();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    record Project(PlanNode source, List<RowExpression> expressions) implements PlanNode {
        public Project {
            expressions = List.copyOf(expressions);
        }

        @Override
        public List<SqlType> outputTypes() {
            return expressions.stream().map(RowExpression::type).toList();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    enum AggregationStep {
        /** Raw rows in, final values out. */
        SINGLE,
        /** Raw rows in, partial states out (on a shard). */
        PARTIAL,
        /** Partial states in, final values out (on the coordinator). */
        FINAL
    }

    /**
     * Groups by {@code groupChannels} and computes {@code calls}. Output: the group keys, then per
     * call its value (SINGLE, FINAL) or its partial-state columns (PARTIAL). In a FINAL step the
     * group keys are the input's first channels. {@code callOutputTypes} are the final value types.
     */
    record Aggregate(PlanNode source, List<Integer> groupChannels, List<AggregateCall> calls, AggregationStep step,
                     List<SqlType> groupTypes, List<List<SqlType>> callOutputTypes) implements PlanNode {
        public Aggregate {
            groupChannels = List.copyOf(groupChannels);
            calls = List.copyOf(calls);
            groupTypes = List.copyOf(groupTypes);
            callOutputTypes = callOutputTypes.stream().map(List::copyOf).toList();
        }

        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(groupTypes);
            callOutputTypes.forEach(types::addAll);
            return types;
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    /** ORDER BY; with a limit, a top-N that keeps only {@code limit} rows in memory. */
    record Sort(PlanNode source, List<SortKey> keys, OptionalLong limit) implements PlanNode {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public List<SqlType> outputTypes() {
            return source.outputTypes();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    record Limit(PlanNode source, long offset, OptionalLong count) implements PlanNode {
        @Override
        public List<SqlType> outputTypes() {
            return source.outputTypes();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /**
     * Joins on {@code leftKeys[i] = rightKeys[i]} (NULL keys never match) and then the residual
     * condition over the joined row. Output: left channels, then right channels.
     */
    record Join(JoinType type, PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys,
                RowExpression residual) implements PlanNode {
        public Join {
            leftKeys = List.copyOf(leftKeys);
            rightKeys = List.copyOf(rightKeys);
        }

        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(left.outputTypes());
            types.addAll(right.outputTypes());
            return types;
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(left, right);
        }
    }

    /**
     * {@code source.channel IN (filtering.channel)}: appends a BOOLEAN channel, TRUE when found,
     * NULL when not found but NULLs were involved, else FALSE.
     */
    record SemiJoin(PlanNode source, PlanNode filtering, int sourceChannel, int filteringChannel) implements PlanNode {
        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(source.outputTypes());
            types.add(SqlType.BOOLEAN);
            return types;
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source, filtering);
        }
    }

    /** Appends one channel per call, computed over partitions sorted by {@code order}. */
    record Window(PlanNode source, List<Integer> partitionChannels, List<SortKey> order, List<WindowCall> calls)
            implements PlanNode {
        public Window {
            partitionChannels = List.copyOf(partitionChannels);
            order = List.copyOf(order);
            calls = List.copyOf(calls);
        }

        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(source.outputTypes());
            calls.forEach(call -> types.add(call.outputType()));
            return types;
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    enum SetOperationKind { UNION, INTERSECT, EXCEPT }

    /** UNION, INTERSECT or EXCEPT (ALL or DISTINCT) of sources with the same output types. */
    record SetOperation(SetOperationKind kind, boolean distinct, List<PlanNode> inputs) implements PlanNode {
        public SetOperation {
            inputs = List.copyOf(inputs);
        }

        @Override
        public List<SqlType> outputTypes() {
            return inputs.getFirst().outputTypes();
        }

        @Override
        public List<PlanNode> sources() {
            return inputs;
        }
    }

    /** Literal rows: each value a Long, Double, Boolean, String or null. */
    record Values(List<SqlType> outputTypes, List<List<Object>> rows) implements PlanNode {
        public Values {
            outputTypes = List.copyOf(outputTypes);
            rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of();
        }
    }

    /** Passes exactly one row: none becomes a row of NULLs, more is an error (scalar subqueries). */
    record EnforceSingleRow(PlanNode source) implements PlanNode {
        @Override
        public List<SqlType> outputTypes() {
            return source.outputTypes();
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    /**
     * {@code CROSS JOIN UNNEST(collection)}: each input row repeated once per element of the
     * array or time series in {@code channel}, with the element's columns appended
     * ({@code elementTypes}: the element, a row element's fields, or a point's time and value).
     * A NULL or empty collection gives no rows.
     */
    record Unnest(PlanNode source, int channel, List<SqlType> elementTypes) implements PlanNode {
        public Unnest {
            Objects.requireNonNull(source, "source");
            elementTypes = List.copyOf(elementTypes);
            SqlType collection = source.outputTypes().get(channel);
            if (collection.kind() != SqlType.Kind.ARRAY && collection.kind() != SqlType.Kind.TIMESERIES) {
                throw new IllegalArgumentException("UNNEST needs an array or a time series, not " + collection);
            }
        }

        /** The columns an element of {@code collection} unnests to. */
        public static List<SqlType> elementTypes(SqlType collection) {
            if (collection.kind() == SqlType.Kind.TIMESERIES) {
                return List.of(SqlType.TIMESTAMP, collection.elementType());
            }
            SqlType element = collection.elementType();
            return element.kind() == SqlType.Kind.ROW ? element.parameters() : List.of(element);
        }

        @Override
        public List<SqlType> outputTypes() {
            List<SqlType> types = new ArrayList<>(source.outputTypes());
            types.addAll(elementTypes);
            return types;
        }

        @Override
        public List<PlanNode> sources() {
            return List.of(source);
        }
    }

    /** The rows a shard fragment returns, gathered from every shard (coordinator side). */
    record RemoteSource(int fragmentId, List<SqlType> outputTypes) implements PlanNode {
        public RemoteSource {
            outputTypes = List.copyOf(outputTypes);
        }

        @Override
        public List<PlanNode> sources() {
            return List.of();
        }
    }
}
