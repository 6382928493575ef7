package io.strata.query.function.scalar;

import io.strata.core.error.QueryExecutionException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code IF}, {@code COALESCE}, {@code NULLIF}, {@code CASE} helpers and {@code TRY}. These see
 * NULLs (boxed arguments, null = SQL NULL) and evaluate lazily where SQL does: only the chosen
 * branch of IF/CASE and only up to the first non-null COALESCE argument run, so an error in an
 * unchosen branch does not fail the query. Thread-safe.
 */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    /** {@code IF(condition, then[, else])}: NULL condition counts as false; a missing else is NULL. */
    public static <T> T ifThenElse(Boolean condition, Supplier<T> whenTrue, Supplier<T> whenFalse) {
        return Boolean.TRUE.equals(condition) ? whenTrue.get() : whenFalse == null ? null : whenFalse.get();
    }

    /** {@code COALESCE(a, b, ...)}: the first non-null argument, evaluated left to right. */
    @SafeVarargs
    public static <T> T coalesce(Supplier<T>... arguments) {
        for (Supplier<T> argument : arguments) {
            T value = argument.get();
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code COALESCE} over already evaluated arguments. */
    @SafeVarargs
    public static <T> T coalesceValues(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code NULLIF(a, b)}: NULL when a equals b (numbers compared by value across BIGINT/DOUBLE), else a. */
    public static Object nullIf(Object first, Object second) {
        if (first == null || second == null) {
            return first;
        }
        return sqlEquals(first, second) ? null : first;
    }

    /**
     * The simple {@code CASE operand WHEN v1 THEN r1 ... ELSE e END}: the index of the first WHEN
     * value equal to the operand, or -1 (ELSE). NULL never equals anything, not even NULL.
     */
    public static int simpleCaseBranch(Object operand, Object... whenValues) {
        if (operand == null) {
            return -1;
        }
        for (int i = 0; i < whenValues.length; i++) {
            if (whenValues[i] != null && sqlEquals(operand, whenValues[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The searched {@code CASE WHEN c1 THEN ...}: the index of the first TRUE condition, or -1. */
    public static int searchedCaseBranch(Boolean... conditions) {
        for (int i = 0; i < conditions.length; i++) {
            if (Boolean.TRUE.equals(conditions[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code TRY(expression)} and {@code TRY_CAST}: the value, or NULL if evaluating it raised a
     * {@link QueryExecutionException} (division by zero, invalid cast, out of range...). Other
     * failures (bugs, resource limits) still propagate.
     */
    public static <T> T tryEvaluate(Supplier<T> expression) {
        try {
            return expression.get();
        } catch (QueryExecutionException e) {
            return null;
        }
    }

    static boolean sqlEquals(Object first, Object second) {
        if (first instanceof Number left && second instanceof Number right
                && (left instanceof Double || right instanceof Double)) {
            return left.doubleValue() == right.doubleValue();
        }
        return Objects.equals(first, second);
    }
}
