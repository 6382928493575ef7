package io.strata.query.expression;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.StrataException;
import io.strata.query.expression.RowExpression.Call;
import io.strata.query.expression.RowExpression.Lambda;
import io.strata.query.function.scalar.ArrayFunctions;
import io.strata.query.function.timeseries.TimeSeries;
import io.strata.query.function.timeseries.TimeSeriesLambdas;
import io.strata.query.function.timeseries.TimeSeriesPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Evaluates {@code filter}, {@code transform} and {@code reduce} over arrays and time series:
 * each row's collection goes to the library ({@link ArrayFunctions}, {@link TimeSeriesLambdas})
 * with the compiled lambda bodies as Java functions. A lambda call evaluates its body on a
 * one-row batch of the parameters; a time-series point is the row {@code (time, value)}.
 * Compiled once per expression; the evaluators are thread-confined like every evaluator.
 */
final class LambdaCalls {
    private static final Set<String> NAMES = Set.of("filter", "transform", "reduce");

    private LambdaCalls() {}

    static boolean takesLambda(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isLambdaCall(Call call) {
        return call.arguments().stream().anyMatch(argument -> argument instanceof Lambda);
    }

    static VectorEvaluator compile(Call call, ExpressionCompiler compiler) {
        List<RowExpression> arguments = call.arguments();
        VectorEvaluator[] values = new VectorEvaluator[arguments.size()];
        LambdaFunction[] lambdas = new LambdaFunction[arguments.size()];
        for (int index = 0; index < arguments.size(); index++) {
            if (arguments.get(index) instanceof Lambda lambda) {
                lambdas[index] = new LambdaFunction(lambda, compiler.compile(lambda.body()));
            } else {
                values[index] = compiler.compile(arguments.get(index));
            }
        }
        String name = call.name().toLowerCase(Locale.ROOT);
        SqlType resultType = call.type();
        return batch -> {
            ColumnVector[] vectors = new ColumnVector[values.length];
            for (int index = 0; index < values.length; index++) {
                if (values[index] != null) {
                    vectors[index] = values[index].evaluate(batch);
                }
            }
            VectorBuilder out = new VectorBuilder(resultType, batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
                Object collection = Vectors.value(vectors[0], row);
                if (collection == null) {
                    out.appendNull();
                    continue;
                }
                try {
                    out.appendObject(LibraryScalarFunctions.fromLibrary(
                            apply(name, collection, vectors, row, lambdas, resultType)));
                } catch (StrataException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new QueryExecutionException(name + ": " + e.getMessage(), e);
                }
            }
            return out.build();
        };
    }

    private static Object apply(String name, Object collection, ColumnVector[] vectors, int row, LambdaFunction[] lambdas,
                                SqlType resultType) {
        if (collection instanceof TimeSeries series) {
            return switch (name) {
                case "filter" -> TimeSeriesLambdas.filter(series, point -> (Boolean) lambdas[1].apply(point(point)));
                case "transform" -> TimeSeriesLambdas.transform(series, resultType.elementType().physicalType(),
                        point -> lambdas[1].apply(point(point)));
                case "reduce" -> TimeSeriesLambdas.reduce(series, Vectors.value(vectors[1], row),
                        (state, point) -> lambdas[2].apply(state, point(point)), lambdas[3]::apply);
                default -> throw new IllegalStateException("no lambda function " + name);
            };
        }
        List<?> array = (List<?>) collection;
        return switch (name) {
            case "filter" -> ArrayFunctions.filter(array, element -> (Boolean) lambdas[1].apply(element));
            case "transform" -> ArrayFunctions.transform(array, lambdas[1]::apply);
            case "reduce" -> ArrayFunctions.reduce(array, Vectors.value(vectors[1], row),
                    (BiFunction<Object, Object, Object>) lambdas[2]::apply, (Function<Object, Object>) lambdas[3]::apply);
            default -> throw new IllegalStateException("no lambda function " + name);
        };
    }

    private static List<Object> point(TimeSeriesPoint point) {
        return List.of(point.time(), point.value());
    }

    /** A compiled lambda called with Java values; builds a one-row batch of its parameters. */
    private record LambdaFunction(Lambda lambda, VectorEvaluator body) {
        Object apply(Object... parameters) {
            List<ColumnVector> columns = new ArrayList<>(parameters.length);
            for (int index = 0; index < parameters.length; index++) {
                columns.add(Vectors.constant(lambda.parameterTypes().get(index), parameters[index], 1));
            }
            ColumnBatch batch = Vectors.batch(1, columns);
            return Vectors.value(body.evaluate(batch), 0);
        }
    }
}
