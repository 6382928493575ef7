package io.strata.query.function.scalar;

import java.util.List;
import java.util.Locale;

/**
 * One overload of a SQL function, with types spelled as Trino spells them ({@code bigint},
 * {@code double}, {@code varchar}, {@code boolean}, {@code timestamp}, {@code date},
 * {@code integer}, {@code interval day to second}, {@code array(double)},
 * {@code timeseries(double)}, {@code function(double,boolean)}) and single capital letters as
 * type variables ({@code array(T)} → {@code T}). The engine's resolver parses these into its own
 * types; the function library stays independent of the analyzer.
 *
 * @param name lower-case SQL name
 * @param argumentTypes argument types in call order
 * @param returnType the result type
 * @param variadic whether the last argument type repeats (concat, coalesce, greatest)
 */
public record FunctionSignature(String name, List<String> argumentTypes, String returnType, boolean variadic) {
    public FunctionSignature {
        if (name == null || name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("function name must be non-blank lower case: " + name);
        }
        argumentTypes = List.copyOf(argumentTypes);
        if (returnType == null || returnType.isBlank()) {
            throw new IllegalArgumentException("return type is required for " + name);
        }
        if (variadic && argumentTypes.isEmpty()) {
            throw new IllegalArgumentException("a variadic function needs an argument type to repeat: " + name);
        }
    }

    public static FunctionSignature of(String name, String returnType, String... argumentTypes) {
        return new FunctionSignature(name, List.of(argumentTypes), returnType, false);
    }

    public static FunctionSignature variadic(String name, String returnType, String... argumentTypes) {
        return new FunctionSignature(name, List.of(argumentTypes), returnType, true);
    }

    @Override
    public String toString() {
        return name + "(" + String.join(", ", argumentTypes) + (variadic ? "..." : "") + "): " + returnType;
    }
}
