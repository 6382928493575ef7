package io.strata.query.expression.aggregate;

import static io.strata.query.expression.SqlType.BIGINT;
import static io.strata.query.expression.SqlType.BOOLEAN;
import static io.strata.query.expression.SqlType.DOUBLE;
import static io.strata.query.expression.SqlType.INTEGER;
import static io.strata.query.expression.SqlType.VARCHAR;

import io.strata.query.expression.SqlType;
import io.strata.query.function.aggregate.ArrayAggregateAccumulator;
import io.strata.query.function.timeseries.TimeSeriesFunctionRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregate functions the engine binds itself, by name and argument types. The function
 * library (branch {@code query-functions}) adds the rest.
 */
public final class BuiltInAggregateFunctions {
    private static final Set<String> NAMES = Set.of("count", "count_if", "sum", "avg", "min", "max", "arbitrary",
            "max_by", "min_by", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "geometric_mean", "bool_and", "every", "bool_or", "approx_distinct", "approx_percentile", "array_agg",
            "create_time_series");

    private BuiltInAggregateFunctions() {}

    public static boolean isAggregate(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The aggregate {@code name} over arguments of these types (after the caller's coercion of
     * BIGINT to DOUBLE where a numeric aggregate wants doubles), if one exists.
     */
    public static Optional<AggregateFunction> resolve(String name, List<SqlType> arguments) {
        String lower = name.toLowerCase(Locale.ROOT);
        int arity = arguments.size();
        SqlType first = arity > 0 ? arguments.getFirst() : null;
        AggregateFunction function = switch (lower) {
            case "count" -> arity <= 1
                    ? new AggregateDefinition(lower, arguments, BIGINT, List.of(BIGINT), () -> new CountAccumulator(false)) : null;
            case "count_if" -> arity == 1 && first == BOOLEAN
                    ? new AggregateDefinition(lower, arguments, BIGINT, List.of(BIGINT), () -> new CountAccumulator(true)) : null;
            case "sum" -> arity == 1 && first.isNumeric()
                    ? new AggregateDefinition(lower, arguments, first, List.of(first), () -> new SumAccumulator(first)) : null;
            case "avg" -> moments(lower, arguments, MomentsAccumulator.Kind.AVERAGE);
            case "stddev", "stddev_samp" -> moments(lower, arguments, MomentsAccumulator.Kind.STDDEV_SAMPLE);
            case "stddev_pop" -> moments(lower, arguments, MomentsAccumulator.Kind.STDDEV_POPULATION);
            case "variance", "var_samp" -> moments(lower, arguments, MomentsAccumulator.Kind.VARIANCE_SAMPLE);
            case "var_pop" -> moments(lower, arguments, MomentsAccumulator.Kind.VARIANCE_POPULATION);
            case "geometric_mean" -> moments(lower, arguments, MomentsAccumulator.Kind.GEOMETRIC_MEAN);
            case "min", "max", "arbitrary" -> arity == 1 && first.isOrderable()
                    ? new AggregateDefinition(lower, arguments, first, List.of(first), () -> new ExtremeAccumulator(
                            ExtremeAccumulator.Kind.valueOf(lower.toUpperCase(Locale.ROOT)), first)) : null;
            case "max_by", "min_by" -> arity == 2 && arguments.get(1).isOrderable()
                    ? new AggregateDefinition(lower, arguments, first, List.of(arguments.get(1), first),
                            () -> new ExtremeByAccumulator(lower.equals("max_by"), first, arguments.get(1))) : null;
            case "bool_and", "every", "bool_or" -> arity == 1 && first == BOOLEAN
                    ? new AggregateDefinition(lower, arguments, BOOLEAN, List.of(BOOLEAN),
                            () -> new BooleanAccumulator(!lower.equals("bool_or"))) : null;
            case "approx_distinct" -> arity == 1 || (arity == 2 && arguments.get(1) == DOUBLE)
                    ? new AggregateDefinition(lower, arguments, BIGINT, List.of(VARCHAR), ApproximateDistinctAccumulator::new) : null;
            case "approx_percentile" -> arity == 2 && first.isNumeric() && arguments.get(1) == DOUBLE
                    ? new AggregateDefinition(lower, arguments, first, List.of(VARCHAR), () -> new PercentileAccumulator(first)) : null;
            case "array_agg" -> arity == 1 && !first.isComposite() && first != SqlType.UNKNOWN
                    ? new AggregateDefinition(lower, arguments, SqlType.array(first), List.of(VARCHAR),
                            () -> new LibraryAccumulator(new ArrayAggregateAccumulator(first.physicalType()), SqlType.array(first)))
                    : null;
            case "create_time_series" -> arity == 2 && arguments.get(0) == SqlType.TIMESTAMP && isSeriesValue(arguments.get(1))
                    ? new AggregateDefinition(lower, arguments, SqlType.timeSeries(arguments.get(1)), List.of(VARCHAR),
                            () -> new LibraryAccumulator(TimeSeriesFunctionRegistry.createTimeSeries(arguments.get(1).physicalType()),
                                    SqlType.timeSeries(arguments.get(1))))
                    : null;
            default -> null;
        };
        return Optional.ofNullable(function);
    }

    /**
     * The argument types an aggregate wants for these actual types: numeric moments read doubles;
     * sum and approx_percentile read integers as bigints (Trino's sum(integer) is a bigint).
     */
    public static List<SqlType> coercedArguments(String name, List<SqlType> arguments) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "avg", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "geometric_mean" ->
                    arguments.stream().map(type -> type == BIGINT || type == INTEGER ? DOUBLE : type).toList();
            case "sum" -> arguments.stream().map(type -> type == INTEGER ? BIGINT : type).toList();
            case "approx_percentile" -> arguments.size() == 2
                    ? List.of(arguments.get(0) == INTEGER ? BIGINT : arguments.get(0),
                            arguments.get(1) == BIGINT ? DOUBLE : arguments.get(1)) : arguments;
            case "approx_distinct" -> arguments.size() == 2
                    ? List.of(arguments.get(0), arguments.get(1) == BIGINT ? DOUBLE : arguments.get(1)) : arguments;
            default -> arguments;
        };
    }

    private static boolean isSeriesValue(SqlType type) {
        return type == BIGINT || type == DOUBLE || type == BOOLEAN || type == VARCHAR;
    }

    private static AggregateFunction moments(String name, List<SqlType> arguments, MomentsAccumulator.Kind kind) {
        if (arguments.size() != 1 || arguments.getFirst() != DOUBLE) {
            return null;
        }
        return new AggregateDefinition(name, arguments, DOUBLE, List.of(BIGINT, DOUBLE, DOUBLE), () -> new MomentsAccumulator(kind));
    }
}
