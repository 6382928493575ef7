package io.strata.query.expression;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.StrataException;
import io.strata.query.function.scalar.ScalarFunctionRegistry;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds the function library's scalar functions ({@code io.strata.query.function.scalar}) whose
 * argument and result types the engine's vectors carry (bigint, integer, double, varchar,
 * boolean, timestamp, date), for every name the engine's own built-ins do not define. Library
 * functions are called row by row through their method handles — a fallback for the long tail
 * (regexp, padding, trigonometry ...); the hot operators stay on the vectorized kernels.
 */
final class LibraryScalarFunctions {
    private LibraryScalarFunctions() {}

    static void register(FunctionResolver resolver) {
        ScalarFunctionRegistry library = new ScalarFunctionRegistry();
        for (String name : library.names()) {
            if (resolver.isScalar(name)) {
                continue;
            }
            for (io.strata.query.function.scalar.ScalarFunction overload : library.overloads(name)) {
                if (overload.signature().variadic()) {
                    continue;
                }
                Optional<SqlType> returnType = type(overload.signature().returnType());
                List<SqlType> parameters = new ArrayList<>();
                boolean supported = returnType.isPresent();
                for (String argument : overload.signature().argumentTypes()) {
                    Optional<SqlType> type = type(argument);
                    supported &= type.isPresent();
                    type.ifPresent(parameters::add);
                }
                if (supported) {
                    resolver.register(name, parameters, returnType.get(), adapt(name, returnType.get(), overload.implementation(),
                            overload.nullOnNullInput()));
                }
            }
        }
    }

    private static Optional<SqlType> type(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bigint", "integer" -> Optional.of(SqlType.BIGINT);
            case "double" -> Optional.of(SqlType.DOUBLE);
            case "varchar" -> Optional.of(SqlType.VARCHAR);
            case "boolean" -> Optional.of(SqlType.BOOLEAN);
            case "timestamp" -> Optional.of(SqlType.TIMESTAMP);
            case "date" -> Optional.of(SqlType.DATE);
            default -> Optional.empty();
        };
    }

    private static ScalarFunction adapt(String name, SqlType returnType, MethodHandle handle, boolean nullOnNullInput) {
        java.util.function.Function<Object[], Object> call = values -> {
            try {
                return handle.invokeWithArguments(values);
            } catch (StrataException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new QueryExecutionException(name + ": " + e.getMessage(), e);
            } catch (Throwable e) {
                throw new QueryExecutionException(name + " failed: " + e, e);
            }
        };
        return nullOnNullInput ? Kernels.objects(returnType, call) : Kernels.objectsWithNulls(returnType, call);
    }
}
