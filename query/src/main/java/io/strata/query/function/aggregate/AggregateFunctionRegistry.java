package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import io.strata.query.function.scalar.FunctionSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The aggregate functions by name: their overloads (for the engine's resolver) and a factory that
 * builds a fresh {@link GroupedAccumulator} for one call site. Arguments that must be constant
 * (approx_percentile's percentages and accuracy, approx_distinct's error) are passed as values;
 * the engine passes the remaining columns to {@link GroupedAccumulator#add} in call order,
 * constants left out. Immutable and thread-safe; {@link #create} returns a new accumulator each call.
 */
public final class AggregateFunctionRegistry {
    private static final List<String> ORDERABLE = List.of("bigint", "double", "boolean", "varchar", "timestamp");
    private static final List<String> NUMERIC = List.of("bigint", "double");

    private final Map<String, List<FunctionSignature>> signatures;

    public AggregateFunctionRegistry() {
        Map<String, List<FunctionSignature>> all = new LinkedHashMap<>();
        register(all, FunctionSignature.of("count", "bigint"));
        for (String type : ORDERABLE) {
            register(all, FunctionSignature.of("count", "bigint", type));
            register(all, FunctionSignature.of("min", type, type));
            register(all, FunctionSignature.of("max", type, type));
            register(all, FunctionSignature.of("arbitrary", type, type));
            register(all, FunctionSignature.of("any_value", type, type));
            register(all, FunctionSignature.of("array_agg", "array(" + type + ")", type));
            register(all, FunctionSignature.of("approx_distinct", "bigint", type));
            register(all, FunctionSignature.of("approx_distinct", "bigint", type, "double"));
            for (String keyType : ORDERABLE) {
                register(all, FunctionSignature.of("max_by", type, type, keyType));
                register(all, FunctionSignature.of("min_by", type, type, keyType));
            }
        }
        register(all, FunctionSignature.of("sum", "bigint", "bigint"));
        register(all, FunctionSignature.of("sum", "double", "double"));
        for (String type : NUMERIC) {
            register(all, FunctionSignature.of("avg", "double", type));
            register(all, FunctionSignature.of("geometric_mean", "double", type));
            for (String name : List.of("stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop")) {
                register(all, FunctionSignature.of(name, "double", type));
            }
            register(all, FunctionSignature.of("approx_percentile", type, type, "double"));
            register(all, FunctionSignature.of("approx_percentile", type, type, "double", "double"));
            register(all, FunctionSignature.of("approx_percentile", "array(" + type + ")", type, "array(double)"));
            register(all, FunctionSignature.of("approx_percentile", type, type, "bigint", "double"));
            register(all, FunctionSignature.of("approx_percentile", type, type, "bigint", "double", "double"));
            register(all, FunctionSignature.of("approx_percentile", "array(" + type + ")", type, "bigint", "array(double)"));
        }
        for (String name : List.of("bool_and", "every", "bool_or")) {
            register(all, FunctionSignature.of(name, "boolean", "boolean"));
        }
        register(all, FunctionSignature.of("count_if", "bigint", "boolean"));
        all.replaceAll((name, list) -> List.copyOf(list));
        this.signatures = Collections.unmodifiableMap(all);
    }

    private static void register(Map<String, List<FunctionSignature>> all, FunctionSignature signature) {
        all.computeIfAbsent(signature.name(), name -> new ArrayList<>()).add(signature);
    }

    public Set<String> names() {
        return signatures.keySet();
    }

    public boolean isAggregate(String name) {
        return signatures.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The overloads of {@code name}; empty if it is not an aggregate. */
    public List<FunctionSignature> signatures(String name) {
        return signatures.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * A new accumulator for {@code name} over column arguments of {@code columnTypes} (in call
     * order, constants left out) and the constant arguments {@code constants} (Double, or
     * {@code double[]} for an array of percentages).
     *
     * @throws ValidationException for an unknown name, a wrong arity or an invalid constant
     */
    public GroupedAccumulator create(String name, List<ColumnType> columnTypes, List<Object> constants) {
        String function = name.toLowerCase(Locale.ROOT);
        return switch (function) {
            case "count" -> columnTypes.isEmpty() ? CountAccumulator.countRows() : CountAccumulator.countNonNull();
            case "count_if" -> new CountIfAccumulator();
            case "sum" -> switch (only(function, columnTypes)) {
                case BIGINT -> new SumLongAccumulator();
                case DOUBLE -> new SumDoubleAccumulator();
                default -> throw unsupported(function, columnTypes);
            };
            case "avg" -> numeric(function, columnTypes, new AverageAccumulator());
            case "geometric_mean" -> numeric(function, columnTypes, new GeometricMeanAccumulator());
            case "min" -> MinMaxAccumulator.min(only(function, columnTypes));
            case "max" -> MinMaxAccumulator.max(only(function, columnTypes));
            case "arbitrary", "any_value" -> new ArbitraryAccumulator(only(function, columnTypes));
            case "array_agg" -> new ArrayAggregateAccumulator(only(function, columnTypes));
            case "max_by" -> ExtremeByAccumulator.maxBy(pair(function, columnTypes).get(0), columnTypes.get(1));
            case "min_by" -> ExtremeByAccumulator.minBy(pair(function, columnTypes).get(0), columnTypes.get(1));
            case "stddev", "stddev_samp" -> numeric(function, columnTypes, new VarianceAccumulator(VarianceKind.STANDARD_DEVIATION_SAMPLE));
            case "stddev_pop" -> numeric(function, columnTypes, new VarianceAccumulator(VarianceKind.STANDARD_DEVIATION_POPULATION));
            case "variance", "var_samp" -> numeric(function, columnTypes, new VarianceAccumulator(VarianceKind.VARIANCE_SAMPLE));
            case "var_pop" -> numeric(function, columnTypes, new VarianceAccumulator(VarianceKind.VARIANCE_POPULATION));
            case "bool_and", "every" -> BooleanAggregateAccumulator.and();
            case "bool_or" -> BooleanAggregateAccumulator.or();
            case "approx_distinct" -> {
                only(function, columnTypes);
                yield constants.isEmpty() ? new ApproximateDistinctAccumulator()
                        : new ApproximateDistinctAccumulator(constantDouble(function, constants.get(0)));
            }
            case "approx_percentile" -> approximatePercentile(columnTypes, constants);
            default -> throw new ValidationException("Function " + name + " not registered as an aggregate");
        };
    }

    private static GroupedAccumulator approximatePercentile(List<ColumnType> columnTypes, List<Object> constants) {
        if (columnTypes.isEmpty() || columnTypes.size() > 2 || constants.isEmpty() || constants.size() > 2) {
            throw new ValidationException("approx_percentile takes (x[, w], percentage[, accuracy])");
        }
        ColumnType valueType = columnTypes.get(0);
        boolean weighted = columnTypes.size() == 2;
        if (weighted && columnTypes.get(1) != ColumnType.BIGINT) {
            throw new ValidationException("approx_percentile weight must be BIGINT, not " + columnTypes.get(1));
        }
        double accuracy = constants.size() == 2 ? constantDouble("approx_percentile", constants.get(1))
                : RelativeErrorQuantileSketch.DEFAULT_RELATIVE_ACCURACY;
        Object percentages = constants.get(0);
        if (percentages instanceof double[] array) {
            return ApproximatePercentileAccumulator.of(valueType, array, true, weighted, accuracy);
        }
        return ApproximatePercentileAccumulator.of(valueType, new double[] {constantDouble("approx_percentile", percentages)},
                false, weighted, accuracy);
    }

    private static double constantDouble(String function, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new ValidationException(function + " needs a constant number, not " + value);
    }

    private static GroupedAccumulator numeric(String function, List<ColumnType> columnTypes, GroupedAccumulator accumulator) {
        ColumnType type = only(function, columnTypes);
        if (type != ColumnType.BIGINT && type != ColumnType.DOUBLE) {
            throw unsupported(function, columnTypes);
        }
        return accumulator;
    }

    private static ColumnType only(String function, List<ColumnType> columnTypes) {
        if (columnTypes.size() != 1) {
            throw unsupported(function, columnTypes);
        }
        return columnTypes.get(0);
    }

    private static List<ColumnType> pair(String function, List<ColumnType> columnTypes) {
        if (columnTypes.size() != 2) {
            throw unsupported(function, columnTypes);
        }
        return columnTypes;
    }

    private static ValidationException unsupported(String function, List<ColumnType> columnTypes) {
        return new ValidationException("Unexpected parameters " + columnTypes + " for function " + function);
    }
}
