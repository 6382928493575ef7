package io.strata.query.expression;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.StrataException;
import io.strata.core.error.ValidationException;
import io.strata.query.function.scalar.ArrayFunctions;
import io.strata.query.function.scalar.FunctionSignature;
import io.strata.query.function.scalar.ScalarFunctionRegistry;
import io.strata.query.function.timeseries.TimeSeriesFunctionRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the function library's scalar functions ({@code io.strata.query.function.scalar} and the
 * time-series functions of {@code io.strata.query.function.timeseries}) for every name the
 * engine's own built-ins do not define: overloads with concrete types as they are, overloads with
 * type variables ({@code element_at(array(T), bigint): T}) as generic overloads bound per call.
 * Library functions are called row by row through their method handles — a fallback for the long
 * tail and for composite values; the hot operators stay on the vectorized kernels. Values cross in
 * their engine Java forms ({@link CompositeValues}); a library {@code long[]} (timestamps) becomes
 * a list and back. Functions taking lambdas are bound by {@link LambdaCalls} instead.
 */
final class LibraryScalarFunctions {
    private LibraryScalarFunctions() {}

    static void register(FunctionResolver resolver) {
        List<io.strata.query.function.scalar.ScalarFunction> overloads = new ArrayList<>();
        ScalarFunctionRegistry library = new ScalarFunctionRegistry();
        for (String name : library.names()) {
            if (!resolver.isScalar(name)) {
                overloads.addAll(library.overloads(name));
            }
        }
        TimeSeriesFunctionRegistry timeSeries = new TimeSeriesFunctionRegistry();
        for (String name : timeSeries.names()) {
            if (!resolver.isScalar(name)) {
                overloads.addAll(timeSeries.overloads(name));
            }
        }
        for (io.strata.query.function.scalar.ScalarFunction overload : overloads) {
            register(resolver, overload.signature().name(), overload.signature(), overload.implementation(),
                    overload.nullOnNullInput());
        }
        registerSubscript(resolver);
    }

    private static void register(FunctionResolver resolver, String name, FunctionSignature signature, MethodHandle handle,
                                 boolean nullOnNullInput) {
        if (signature.variadic() || LambdaCalls.takesLambda(name)) {
            return;
        }
        Optional<TypePattern> returnType = pattern(signature.returnType());
        List<TypePattern> parameters = new ArrayList<>();
        boolean supported = returnType.isPresent() && handle.type().parameterCount() == signature.argumentTypes().size();
        for (String argument : signature.argumentTypes()) {
            Optional<TypePattern> type = pattern(argument);
            supported &= type.isPresent();
            type.ifPresent(parameters::add);
        }
        if (!supported) {
            return;
        }
        boolean generic = returnType.get().isGeneric() || parameters.stream().anyMatch(TypePattern::isGeneric);
        if (generic) {
            resolver.registerGeneric(name, parameters, returnType.get(), type -> adapt(name, type, handle, nullOnNullInput));
        } else {
            SqlType result = returnType.get().resolve(java.util.Map.of());
            List<SqlType> types = parameters.stream().map(pattern -> pattern.resolve(java.util.Map.of())).toList();
            resolver.register(name, types, result, adapt(name, result, handle, nullOnNullInput));
        }
    }

    /** {@code a[i]}: 1-based, an index outside the array is an error. */
    private static void registerSubscript(FunctionResolver resolver) {
        try {
            MethodHandle handle = MethodHandles.publicLookup().findStatic(ArrayFunctions.class, "subscript",
                    MethodType.methodType(Object.class, List.class, long.class));
            resolver.registerGeneric("$subscript", List.of(TypePattern.parse("array(T)"), TypePattern.parse("bigint")),
                    TypePattern.parse("T"), type -> adapt("subscript", type, handle, true));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ArrayFunctions.subscript is missing", e);
        }
    }

    private static Optional<TypePattern> pattern(String text) {
        if (text.toLowerCase(java.util.Locale.ROOT).startsWith("function")) {
            return Optional.empty();
        }
        try {
            return Optional.of(TypePattern.parse(text));
        } catch (ValidationException unknown) {
            return Optional.empty();
        }
    }

    private static ScalarFunction adapt(String name, SqlType returnType, MethodHandle handle, boolean nullOnNullInput) {
        Class<?>[] parameterClasses = handle.type().parameterArray();
        java.util.function.Function<Object[], Object> call = values -> {
            Object[] converted = new Object[values.length];
            for (int index = 0; index < values.length; index++) {
                converted[index] = toLibrary(values[index], parameterClasses[index]);
            }
            try {
                return fromLibrary(handle.invokeWithArguments(converted));
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

    private static Object toLibrary(Object value, Class<?> parameter) {
        if (parameter == long[].class && value instanceof List<?> list) {
            long[] longs = new long[list.size()];
            for (int index = 0; index < longs.length; index++) {
                Object element = list.get(index);
                if (element == null) {
                    throw new QueryExecutionException("array elements must not be null here");
                }
                longs[index] = (Long) element;
            }
            return longs;
        }
        return value;
    }

    static Object fromLibrary(Object value) {
        return switch (value) {
            case long[] longs -> CompositeValues.list(longs);
            case List<?> list -> CompositeValues.list(list);
            case null, default -> value;
        };
    }
}
