package io.strata.query.function.timeseries;

import static io.strata.query.function.scalar.FunctionSignature.of;

import io.strata.core.batch.ColumnType;
import io.strata.query.function.aggregate.GroupedAccumulator;
import io.strata.query.function.scalar.FunctionSignature;
import io.strata.query.function.scalar.ScalarFunction;
import io.strata.query.function.scalar.StaticMethodBinder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Timestream's time-series functions by name. {@code create_time_series} is an aggregate
 * ({@link #createTimeSeries}); the rest are scalar overloads bound to static methods. Intervals
 * are passed as nanoseconds ({@code interval day to second}). {@code unnest} is a table function
 * the engine implements with {@link TimeSeriesUnnest}. Immutable and thread-safe.
 */
public final class TimeSeriesFunctionRegistry {
    private static final List<String> NUMERIC = List.of("bigint", "double");
    private static final List<String> ALL = List.of("bigint", "double", "boolean", "varchar");

    private final Map<String, List<ScalarFunction>> functions;

    public TimeSeriesFunctionRegistry() {
        StaticMethodBinder b = new StaticMethodBinder();
        Class<?> i = Interpolation.class;
        for (String type : NUMERIC) {
            String series = "timeseries(" + type + ")";
            b.bind(of("interpolate_linear", "double", series, "timestamp"), i, "linear", TimeSeries.class, long.class);
            b.bind(of("interpolate_linear", "timeseries(double)", series, "array(timestamp)"), i, "linear", TimeSeries.class, long[].class);
            b.bind(of("interpolate_spline_cubic", "double", series, "timestamp"), i, "splineCubic", TimeSeries.class, long.class);
            b.bind(of("interpolate_spline_cubic", "timeseries(double)", series, "array(timestamp)"), i, "splineCubic",
                    TimeSeries.class, long[].class);
            b.bind(of("interpolate_fill", "double", series, "timestamp", "double"), i, "fill", TimeSeries.class, long.class, double.class);
            b.bind(of("interpolate_fill", "timeseries(double)", series, "array(timestamp)", "double"), i, "fill",
                    TimeSeries.class, long[].class, double.class);
            b.bind(of("derivative_linear", "timeseries(double)", series, "interval day to second"), TimeSeriesCalculus.class,
                    "derivativeLinear", TimeSeries.class, long.class);
            b.bind(of("non_negative_derivative_linear", "timeseries(double)", series, "interval day to second"),
                    TimeSeriesCalculus.class, "nonNegativeDerivativeLinear", TimeSeries.class, long.class);
            b.bind(of("integral_trapezoidal", "double", series), TimeSeriesCalculus.class, "integralTrapezoidal", TimeSeries.class);
            b.bind(of("integral_trapezoidal", "double", series, "interval day to second"), TimeSeriesCalculus.class,
                    "integralTrapezoidal", TimeSeries.class, long.class);
            for (String other : NUMERIC) {
                String otherSeries = "timeseries(" + other + ")";
                b.bind(of("correlate_pearson", "double", series, otherSeries), TimeSeriesCorrelation.class, "pearson",
                        TimeSeries.class, TimeSeries.class);
                b.bind(of("correlate_spearman", "double", series, otherSeries), TimeSeriesCorrelation.class, "spearman",
                        TimeSeries.class, TimeSeries.class);
            }
        }
        for (String type : ALL) {
            String series = "timeseries(" + type + ")";
            b.bind(of("interpolate_locf", type, series, "timestamp"), i, "locf", TimeSeries.class, long.class);
            b.bind(of("interpolate_locf", series, series, "array(timestamp)"), i, "locf", TimeSeries.class, long[].class);
            b.bind(of("filter", series, series, "function(row(time timestamp,value " + type + "),boolean)"),
                    TimeSeriesLambdas.class, "filter", TimeSeries.class, Function.class);
            b.bind(of("reduce", "R", series, "S", "function(S,row(time timestamp,value " + type + "),S)", "function(S,R)"),
                    false, TimeSeriesLambdas.class, "reduce", TimeSeries.class, Object.class, BiFunction.class, Function.class);
        }
        b.bind(of("sequence", "array(bigint)", "bigint", "bigint"), Sequences.class, "bigints", long.class, long.class);
        b.bind(of("sequence", "array(bigint)", "bigint", "bigint", "bigint"), Sequences.class, "bigints",
                long.class, long.class, long.class);
        b.bind(of("sequence", "array(timestamp)", "timestamp", "timestamp"), Sequences.class, "timestamps", long.class, long.class);
        b.bind(of("sequence", "array(timestamp)", "timestamp", "timestamp", "interval day to second"), Sequences.class,
                "timestamps", long.class, long.class, long.class);
        b.bind(of("sequence", "array(timestamp)", "timestamp", "timestamp", "interval year to month"), Sequences.class,
                "timestampsByMonths", long.class, long.class, long.class);
        this.functions = b.build();
    }

    public Set<String> names() {
        return functions.keySet();
    }

    public List<ScalarFunction> overloads(String name) {
        return functions.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** {@code create_time_series(timestamp, T)} for T in bigint, double, boolean, varchar. */
    public static List<FunctionSignature> createTimeSeriesSignatures() {
        return ALL.stream().map(type -> of("create_time_series", "timeseries(" + type + ")", "timestamp", type)).toList();
    }

    /** A new {@code create_time_series} accumulator whose value column has {@code valueType}. */
    public static GroupedAccumulator createTimeSeries(ColumnType valueType) {
        return new CreateTimeSeriesAccumulator(valueType);
    }
}
