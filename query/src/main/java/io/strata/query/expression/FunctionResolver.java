package io.strata.query.expression;

import io.strata.core.error.ValidationException;
import io.strata.query.expression.aggregate.AggregateFunction;
import io.strata.query.expression.aggregate.BuiltInAggregateFunctions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a function name and argument types to an implementation: an exact signature first, then
 * one the arguments reach by implicit coercion (BIGINT to DOUBLE, NULL to anything). Operators
 * are functions too ({@code $add}, {@code $equal}, ...), as is {@code $cast}. Names are matched
 * without regard to case.
 *
 * <p>Built once and then read-only: thread-safe for resolution after {@link #register} calls end.
 * Other function libraries register into it at startup.
 */
public final class FunctionResolver {
    public static final String CAST = "$cast";
    /** {@code TRY_CAST(x AS type)}: a value that does not convert is NULL instead of an error. */
    public static final String TRY_CAST = "$try_cast";

    private static final Set<String> WINDOW_FUNCTIONS = Set.of("row_number", "rank", "dense_rank", "percent_rank",
            "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    private final Map<String, List<ScalarOverload>> scalars = new HashMap<>();
    private final Map<String, List<GenericOverload>> generics = new HashMap<>();

    /**
     * An overload whose signature has type variables ({@code element_at(array(T), bigint): T}):
     * bound per call, the implementation made for the bound result type.
     */
    private record GenericOverload(List<TypePattern> parameters, TypePattern returnType,
                                   java.util.function.Function<SqlType, ScalarFunction> implementation) {}

    private FunctionResolver() {}

    /** The resolver with every built-in function. */
    public static FunctionResolver builtIn() {
        FunctionResolver resolver = new FunctionResolver();
        BuiltInScalarFunctions.register(resolver);
        LibraryScalarFunctions.register(resolver);
        return resolver;
    }

    public void register(String name, List<SqlType> parameterTypes, SqlType returnType, ScalarFunction implementation) {
        String key = name.toLowerCase(Locale.ROOT);
        scalars.computeIfAbsent(key, ignored -> new ArrayList<>())
                .add(new ScalarOverload(key, parameterTypes, returnType, implementation));
    }

    /** Registers an overload with type variables; see {@link TypePattern}. */
    public void registerGeneric(String name, List<TypePattern> parameters, TypePattern returnType,
                                java.util.function.Function<SqlType, ScalarFunction> implementation) {
        generics.computeIfAbsent(name.toLowerCase(Locale.ROOT), ignored -> new ArrayList<>())
                .add(new GenericOverload(List.copyOf(parameters), returnType, implementation));
    }

    public boolean isAggregate(String name) {
        return BuiltInAggregateFunctions.isAggregate(name);
    }

    public boolean isWindowFunction(String name) {
        return WINDOW_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT));
    }

    public boolean isScalar(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return scalars.containsKey(key) || generics.containsKey(key);
    }

    /**
     * The scalar function for a call with arguments of these types.
     *
     * @throws ValidationException (without position; the analyzer adds it) when none fits
     */
    public ResolvedFunction resolveScalar(String name, List<SqlType> argumentTypes) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals(CAST)) {
            throw new IllegalArgumentException("use resolveCast");
        }
        List<ScalarOverload> overloads = scalars.getOrDefault(key, List.of());
        if (overloads.isEmpty() && !generics.containsKey(key)) {
            throw new ValidationException("Function '" + displayName(key) + "' not registered");
        }
        for (ScalarOverload overload : overloads) {
            if (overload.parameterTypes().equals(argumentTypes)) {
                return overload.resolved();
            }
        }
        ScalarOverload best = null;
        for (ScalarOverload overload : overloads) {
            if (coercible(argumentTypes, overload.parameterTypes())
                    && (best == null || prefers(overload.parameterTypes(), best.parameterTypes()))) {
                best = overload;
            }
        }
        if (best == null) {
            return resolveGeneric(key, argumentTypes)
                    .orElseThrow(() -> new ValidationException(mismatch(key, argumentTypes, overloads)));
        }
        return best.resolved();
    }

    private Optional<ResolvedFunction> resolveGeneric(String key, List<SqlType> argumentTypes) {
        for (GenericOverload overload : generics.getOrDefault(key, List.of())) {
            if (overload.parameters().size() != argumentTypes.size()) {
                continue;
            }
            Map<String, SqlType> bindings = new HashMap<>();
            boolean matches = true;
            for (int index = 0; index < argumentTypes.size() && matches; index++) {
                matches = overload.parameters().get(index).bind(argumentTypes.get(index), bindings);
            }
            if (!matches) {
                continue;
            }
            try {
                List<SqlType> parameters = overload.parameters().stream().map(pattern -> pattern.resolve(bindings)).toList();
                SqlType returnType = overload.returnType().resolve(bindings);
                return Optional.of(new ResolvedFunction(key, parameters, returnType, overload.implementation().apply(returnType)));
            } catch (ValidationException unbound) {
                // a variable only a NULL argument would bind (cardinality(NULL)): try the next overload
            }
        }
        return Optional.empty();
    }

    /** {@code CAST(x AS to)} from {@code from}. */
    public ResolvedFunction resolveCast(SqlType from, SqlType to) {
        return new ResolvedFunction(CAST, List.of(from), to, Casts.cast(from, to));
    }

    /** {@code TRY_CAST(x AS to)} from {@code from}. */
    public ResolvedFunction resolveTryCast(SqlType from, SqlType to) {
        return new ResolvedFunction(TRY_CAST, List.of(from), to, Casts.tryCast(from, to));
    }

    /** The aggregate for a call, arguments coerced as the aggregate wants them. */
    public Optional<AggregateFunction> resolveAggregate(String name, List<SqlType> argumentTypes) {
        return BuiltInAggregateFunctions.resolve(name, argumentTypes);
    }

    public List<SqlType> aggregateArgumentTypes(String name, List<SqlType> argumentTypes) {
        return BuiltInAggregateFunctions.coercedArguments(name, argumentTypes);
    }

    private static boolean coercible(List<SqlType> actual, List<SqlType> declared) {
        if (actual.size() != declared.size()) {
            return false;
        }
        for (int index = 0; index < actual.size(); index++) {
            if (!SqlType.canCoerce(actual.get(index), declared.get(index))) {
                return false;
            }
        }
        return true;
    }

    /** Prefers the signature needing fewer coercions to DOUBLE (BIGINT arithmetic over DOUBLE). */
    private static boolean prefers(List<SqlType> candidate, List<SqlType> current) {
        return candidate.stream().filter(type -> type == SqlType.DOUBLE).count()
                < current.stream().filter(type -> type == SqlType.DOUBLE).count();
    }

    private static String mismatch(String name, List<SqlType> argumentTypes, List<ScalarOverload> overloads) {
        String actual = argumentTypes.stream().map(SqlType::name).map(type -> type.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (name.startsWith("$")) {
            String operator = switch (name) {
                case "$equal" -> "=";
                case "$not_equal" -> "<>";
                case "$less_than" -> "<";
                case "$less_than_or_equal" -> "<=";
                case "$greater_than" -> ">";
                case "$greater_than_or_equal" -> ">=";
                case "$add" -> "+";
                case "$subtract" -> "-";
                case "$multiply" -> "*";
                case "$divide" -> "/";
                case "$modulus", "$modulo" -> "%";
                case "$concat" -> "||";
                default -> name.substring(1);
            };
            return "Cannot apply operator: " + operator + " to (" + actual + ")";
        }
        String candidates = overloads.stream()
                .map(overload -> name + "(" + overload.parameterTypes().stream().map(SqlType::name)
                        .map(type -> type.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        return "Unexpected parameters (" + actual + ") for function " + name + ". Expected: " + candidates;
    }

    private static String displayName(String key) {
        return key;
    }
}
