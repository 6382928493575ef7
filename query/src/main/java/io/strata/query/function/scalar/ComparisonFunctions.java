package io.strata.query.function.scalar;

/**
 * {@code greatest} and {@code least}: NULL if any argument is NULL (Trino), otherwise the extreme
 * in SQL order; NaN is the greatest DOUBLE. Thread-safe.
 */
public final class ComparisonFunctions {
    private ComparisonFunctions() {}

    public static Object greatest(Object... values) {
        return extreme(values, 1);
    }

    public static Object least(Object... values) {
        return extreme(values, -1);
    }

    private static Object extreme(Object[] values, int sign) {
        Object best = null;
        for (Object value : values) {
            if (value == null) {
                return null;
            }
            if (best == null || sign * ArrayFunctions.compareElements(value, best) > 0) {
                best = value;
            }
        }
        return best;
    }
}
